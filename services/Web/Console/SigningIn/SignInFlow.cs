using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shipping.Web.Console.Agents;

namespace Shipping.Web.Console.SigningIn;

/// <summary>
/// Signing in to the console: the password, then the second factor (a TOTP code, or enrolling one). Every refusal looks
/// the same whether the account is unknown, disabled or locked or the password or code wrong; an unknown email costs a
/// password hash too. <see cref="ConsoleOptions.Lockout"/> failures in a row (passwords and codes alike) lock the account.
/// Only the agent's id goes to logs and the audit log, never the email typed.
/// </summary>
public sealed partial class SignInFlow(
    AgentDirectory agents,
    IPasswordHasher<Agent> hasher,
    IDataProtectionProvider protection,
    IAuditLog audit,
    TimeProvider time,
    IOptions<ConsoleOptions> options,
    ILogger<SignInFlow> logger)
{
    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    private readonly IDataProtector _secrets = protection.CreateProtector("Shipping.Web.Console.TotpSecret");

    public enum Next
    {
        Refused,
        Code,
        Enrol,
    }

    /// <summary>The password step: what comes next, and for whom.</summary>
    public async Task<(Next Next, Agent? Agent)> CheckPasswordAsync(string? email, string? password, CancellationToken ct)
    {
        password ??= "";
        var agent = string.IsNullOrWhiteSpace(email) ? null : await agents.FindByEmailAsync(email, ct);
        if (agent is null)
        {
            // As long as a real check, so the answer's timing does not tell which emails exist.
            hasher.VerifyHashedPassword(new Agent(), DummyHash(), password);
            LogRefused(logger, "unknown", "unknown account");
            await RecordAsync(null, AuditActions.SignInFailed, "unknown account", ct);
            return (Next.Refused, null);
        }

        var verdict = hasher.VerifyHashedPassword(agent, agent.PasswordHash, password);
        var now = time.GetUtcNow();
        if (agent.Disabled || agent.IsLockedOut(now))
        {
            var reason = agent.Disabled ? "disabled" : "locked out";
            LogRefused(logger, agent.Id.ToString(), reason);
            await RecordAsync(agent, AuditActions.SignInFailed, reason, ct);
            return (Next.Refused, null);
        }

        if (verdict == PasswordVerificationResult.Failed)
        {
            await FailAsync(agent.Id, "wrong password", ct);
            return (Next.Refused, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            agent = await agents.UpdateAsync(agent.Id, a =>
            {
                a.PasswordHash = hasher.HashPassword(a, password);
                return true;
            }, ct) ?? agent;
        }

        return (agent.HasSecondFactor ? Next.Code : Next.Enrol, agent);
    }

    /// <summary>The code step of an enrolled agent; the agent when the code is right (and not used before), else null.</summary>
    public Task<Agent?> CheckCodeAsync(PendingSignIn pending, string? code, CancellationToken ct) =>
        SecondFactorAsync(pending, code, enrolling: false, ct);

    /// <summary>Enrolling: the code must come from the secret shown (<see cref="PendingSignIn.EnrolSecret"/>), which is then kept.</summary>
    public Task<Agent?> EnrolAsync(PendingSignIn pending, string? code, CancellationToken ct) =>
        SecondFactorAsync(pending, code, enrolling: true, ct);

    public const int MinPasswordLength = 12;

    /// <summary>
    /// Replacing a temporary password after the second factor passed: at least <see cref="MinPasswordLength"/> characters
    /// and not the temporary one. The agent when it was replaced (and the session may begin), else null and why.
    /// </summary>
    public async Task<(Agent? Agent, string? Problem)> ReplaceTemporaryPasswordAsync(PendingSignIn pending, string? password, CancellationToken ct)
    {
        password ??= "";
        if (password.Length is < MinPasswordLength or > 200)
        {
            return (null, $"At least {MinPasswordLength} characters (and at most 200).");
        }

        var now = time.GetUtcNow();
        string? problem = null;
        var agent = await agents.UpdateAsync(pending.AgentId, a =>
        {
            problem = null;
            if (!pending.SecondFactorPassed || a.Disabled || a.IsLockedOut(now) || a.SecurityStamp != pending.Stamp || !a.MustChangePassword)
            {
                problem = "";
                return false;
            }

            if (hasher.VerifyHashedPassword(a, a.PasswordHash, password) != PasswordVerificationResult.Failed)
            {
                problem = "Choose a password other than the temporary one.";
                return false;
            }

            a.PasswordHash = hasher.HashPassword(a, password);
            a.MustChangePassword = false;
            a.SecurityStamp = Guid.NewGuid();
            return true;
        }, ct);
        if (agent is null || problem is not null)
        {
            return (null, problem);
        }

        await RecordAsync(agent, AuditActions.PasswordChanged, "temporary password replaced", ct);
        return (agent, null);
    }

    /// <summary>The console's principal of a fully signed-in agent (password and second factor).</summary>
    public static ClaimsPrincipal Principal(Agent agent)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, agent.Id.ToString()),
            new(ClaimTypes.Name, agent.Name),
            new(ClaimTypes.Role, agent.Role),
            new(ConsoleAuth.StampClaim, agent.SecurityStamp.ToString()),
            new(ConsoleAuth.MethodsClaim, "pwd"),
            new(ConsoleAuth.MethodsClaim, "otp"),
        };
        claims.AddRange(agent.IsAdmin
            ? [new Claim(ConsoleAuth.TenantClaim, ConsoleAuth.AllTenants)]
            : agent.Tenants.Select(t => new Claim(ConsoleAuth.TenantClaim, t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleAuth.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private async Task<Agent?> SecondFactorAsync(PendingSignIn pending, string? code, bool enrolling, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        string? refusal = null;
        var lockedNow = false;
        var agent = await agents.UpdateAsync(pending.AgentId, a =>
        {
            refusal = null;
            lockedNow = false;
            if (a.Disabled || a.IsLockedOut(now) || a.SecurityStamp != pending.Stamp || (enrolling ? a.HasSecondFactor || pending.EnrolSecret is null : !a.HasSecondFactor))
            {
                refusal = a.Disabled ? "disabled" : a.IsLockedOut(now) ? "locked out" : "second factor changed meanwhile";
                return false;
            }

            var secret = enrolling ? pending.EnrolSecret! : _secrets.Unprotect(a.ProtectedTotpSecret!);
            if (TotpCodes.Verify(secret, code, now) is not { } step || step <= a.LastTotpStep)
            {
                refusal = "wrong or used code";
                lockedNow = CountFailure(a, now);
                return true;
            }

            if (enrolling)
            {
                a.ProtectedTotpSecret = _secrets.Protect(secret);
            }

            a.LastTotpStep = step;
            a.FailedAttempts = 0;
            a.LockedUntil = null;
            a.LastSignInAt = now;
            return true;
        }, ct);

        if (agent is null)
        {
            return null;
        }

        if (refusal is not null)
        {
            LogRefused(logger, agent.Id.ToString(), refusal);
            await RecordAsync(agent, lockedNow ? AuditActions.LockedOut : AuditActions.SignInFailed, refusal, ct);
            return null;
        }

        if (enrolling)
        {
            await RecordAsync(agent, AuditActions.SecondFactorEnrolled, null, ct);
        }

        LogSignedIn(logger, agent.Id.ToString());
        await RecordAsync(agent, AuditActions.SignedIn, enrolling ? "password and new TOTP" : "password and TOTP", ct);
        return agent;
    }

    private async Task FailAsync(Guid agentId, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lockedNow = false;
        var agent = await agents.UpdateAsync(agentId, a =>
        {
            lockedNow = CountFailure(a, now);
            return true;
        }, ct);
        LogRefused(logger, agentId.ToString(), reason);
        await RecordAsync(agent, lockedNow ? AuditActions.LockedOut : AuditActions.SignInFailed, reason, ct);
    }

    /// <summary>One more failure; locks the account at the limit (and starts counting again). True when it locked it now.</summary>
    private bool CountFailure(Agent agent, DateTimeOffset now)
    {
        var lockout = options.Value.Lockout;
        agent.FailedAttempts++;
        if (agent.FailedAttempts < Math.Max(1, lockout.MaxFailedAttempts))
        {
            return false;
        }

        agent.FailedAttempts = 0;
        agent.LockedUntil = now + lockout.Duration;
        return true;
    }

    private Task RecordAsync(Agent? agent, string action, string? detail, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry(Guid.NewGuid(), agent?.Id.ToString() ?? "", agent?.Name ?? "", ConsoleAuth.AllTenants, action, null, detail, time.GetUtcNow()), ct);

    private string DummyHash()
    {
        lock (DummyLock)
        {
            return _dummyHash ??= hasher.HashPassword(new Agent(), Guid.NewGuid().ToString("N"));
        }
    }

    [LoggerMessage(LogLevel.Information, "Console sign-in refused for agent {AgentId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string agentId, string reason);

    [LoggerMessage(LogLevel.Information, "Console agent {AgentId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string agentId);
}

using System.Text.Json.Serialization;
using JasperFx.Metadata;

namespace Shipping.Web.Console.Agents;

/// <summary>
/// A support agent or admin of the console, a document in Web's Marten store. Optimistic concurrency
/// (<see cref="IVersioned"/>): two requests changing the same agent at once (a code used twice, failures counted) cannot
/// both win.
/// </summary>
public sealed class Agent : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>Normalised: trimmed, lower case (<see cref="NormaliseEmail"/>); unique.</summary>
    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><see cref="ConsoleAuth.RoleAgent"/> or <see cref="ConsoleAuth.RoleAdmin"/>.</summary>
    public string Role { get; set; } = ConsoleAuth.RoleAgent;

    /// <summary>The brands (tenant ids) an agent works for; admins work for every brand whatever this says.</summary>
    public List<string> Tenants { get; set; } = [];

    /// <summary>The TOTP secret (base32), encrypted with ASP.NET Core Data Protection; null until enrolled.</summary>
    public string? ProtectedTotpSecret { get; set; }

    /// <summary>The last TOTP time step accepted: a code is good once.</summary>
    public long LastTotpStep { get; set; }

    /// <summary>Failed passwords or codes since the last successful sign-in or lockout.</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The password is a temporary one an admin handed over: the agent chooses its own before the session begins.</summary>
    public bool MustChangePassword { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Changes whenever a session must end: disabled, role or tenants changed, second factor or password reset.</summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public Guid Version { get; set; }

    [JsonIgnore]
    public bool IsAdmin => Role == ConsoleAuth.RoleAdmin;

    [JsonIgnore]
    public bool HasSecondFactor => ProtectedTotpSecret is not null;

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}

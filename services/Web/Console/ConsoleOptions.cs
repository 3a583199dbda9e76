namespace Shipping.Web.Console;

/// <summary>The support console's settings (<c>Web:Console:*</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Web:Console";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long the step between the password and the second factor may take.</summary>
    public TimeSpan SecondFactorLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The issuer an authenticator app shows beside the account.</summary>
    public string Issuer { get; set; } = "Shipping console";

    /// <summary>Refused sign-in steps (passwords or codes, whichever accounts) after which a client address is refused until <see cref="SignInFailureWindow"/> ends.</summary>
    public int SignInFailuresPerClient { get; set; } = 20;

    public TimeSpan SignInFailureWindow { get; set; } = TimeSpan.FromMinutes(10);

    public LockoutSettings Lockout { get; set; } = new();

    public BootstrapAdminSettings BootstrapAdmin { get; set; } = new();

    public sealed class LockoutSettings
    {
        /// <summary>Failed passwords or codes in a row before the account is locked.</summary>
        public int MaxFailedAttempts { get; set; } = 5;

        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
    }

    /// <summary>The first admin, created on start when no admin exists. Never in appsettings.json; Development's only in appsettings.Development.json.</summary>
    public sealed class BootstrapAdminSettings
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public string Name { get; set; } = "Administrator";
    }
}

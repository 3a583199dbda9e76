using Microsoft.Extensions.Options;

namespace Shipping.Web.Console.Agents;

/// <summary>
/// The first admin, from <c>Web:Console:BootstrapAdmin:*</c>, created on start when no admin exists yet. Its id is fixed
/// (<see cref="Id"/>) and emails are unique, so replicas starting at once create it once: the others' insert fails and
/// they go on. The admin enrols a second factor at the first sign-in.
/// </summary>
public sealed partial class BootstrapAdmin(AgentDirectory agents, IOptions<ConsoleOptions> options, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const int MinPasswordLength = 12;

    /// <summary>The bootstrap admin's agent id, the same in every replica.</summary>
    public static readonly Guid Id = new("5b1e0c2a-0000-4000-8000-000000000001");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(settings.Email) || string.IsNullOrEmpty(settings.Password))
        {
            return;
        }

        if (settings.Password.Length < MinPasswordLength)
        {
            throw new InvalidOperationException($"{ConsoleOptions.Section}:BootstrapAdmin:Password must have at least {MinPasswordLength} characters.");
        }

        if (await agents.AnyAdminAsync(cancellationToken))
        {
            return;
        }

        var created = await agents.CreateAsync(Id, settings.Email, settings.Name, settings.Password, ConsoleAuth.RoleAdmin, [], cancellationToken);
        if (created is not null)
        {
            LogCreated(logger, created.Id.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Created the console's first admin (agent {AgentId}) from configuration")]
    private static partial void LogCreated(ILogger logger, string agentId);
}

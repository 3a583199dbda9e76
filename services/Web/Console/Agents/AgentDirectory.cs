using Marten;
using JasperFx;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Shipping.Web.Console.Agents;

/// <summary>The console's agents in Web's Marten store: found by email, created with a hashed password, changed with optimistic concurrency.</summary>
public sealed class AgentDirectory(IDocumentStore store, IPasswordHasher<Agent> hasher, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<Agent?> FindByEmailAsync(string email, CancellationToken ct)
    {
        var normalised = Agent.NormaliseEmail(email);
        await using var session = store.QuerySession();
        return await session.Query<Agent>().FirstOrDefaultAsync(a => a.Email == normalised, ct);
    }

    public async Task<Agent?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Agent>(id, ct);
    }

    public async Task<IReadOnlyList<Agent>> ListAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<Agent>().OrderBy(a => a.Name).ToListAsync(ct);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<Agent>().AnyAsync(a => a.Role == ConsoleAuth.RoleAdmin, ct);
    }

    /// <summary>A new agent; null when the email (or the id) is taken already. A <paramref name="temporaryPassword"/> must be replaced at the first sign-in.</summary>
    public async Task<Agent?> CreateAsync(Guid id, string email, string name, string password, string role, IEnumerable<string> tenants, CancellationToken ct, bool temporaryPassword = false)
    {
        var agent = new Agent
        {
            Id = id,
            Email = Agent.NormaliseEmail(email),
            Name = name.Trim(),
            Role = role,
            Tenants = role == ConsoleAuth.RoleAdmin ? [] : tenants.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            CreatedAt = time.GetUtcNow(),
            MustChangePassword = temporaryPassword,
        };
        agent.PasswordHash = hasher.HashPassword(agent, password);
        await using var session = store.LightweightSession();
        session.Insert(agent);
        try
        {
            await session.SaveChangesAsync(ct);
            return agent;
        }
        catch (Exception e) when (IsTaken(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Loads the agent, lets <paramref name="change"/> decide and change it (returns whether to store it) and stores it
    /// unless someone else changed it meanwhile; then it starts again on the newer agent. Null when there is no such agent.
    /// </summary>
    public async Task<Agent?> UpdateAsync(Guid id, Func<Agent, bool> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var agent = await session.LoadAsync<Agent>(id, ct);
            if (agent is null)
            {
                return null;
            }

            if (!change(agent))
            {
                return agent;
            }

            session.Store(agent);
            try
            {
                await session.SaveChangesAsync(ct);
                return agent;
            }
            catch (Exception e) when (IsConcurrent(e) && attempt < Attempts)
            {
                // someone changed the agent meanwhile: decide again on what they stored
            }
        }
    }

    public string HashPassword(Agent agent, string password) => hasher.HashPassword(agent, password);

    private static bool IsConcurrent(Exception e) =>
        e is ConcurrencyException || (e is AggregateException aggregate && aggregate.InnerExceptions.All(IsConcurrent));

    private static bool IsTaken(Exception e) => e switch
    {
        DocumentAlreadyExistsException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTaken),
        _ => e.InnerException is { } inner && IsTaken(inner),
    };
}

using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Shipping.Web.Console.Security;

/// <summary>One key of ASP.NET Core Data Protection's key ring, as XML.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";

    public string Xml { get; set; } = "";
}

/// <summary>
/// Data Protection's key ring in Web's Marten store, so every Web replica protects and reads cookies, anti-forgery tokens
/// and TOTP secrets with the same keys.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Data Protection's repository interface is synchronous and Marten 9 only asynchronous; the key ring is read
        // rarely (it is cached for hours), so blocking here costs little.
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey
        {
            Id = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        // Synchronous as above; a key is written every 90 days or so.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

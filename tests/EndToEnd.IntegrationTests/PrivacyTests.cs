using System.Net;
using System.Net.Http.Json;
using Marten;
using Marten.Events;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Refit;
using Shipping.Contracts;
using Shipping.Contracts.Api;
using Shipping.EndToEnd.IntegrationTests.Infrastructure;
using Shipping.Testing;
using Shipping.Timeline.Shipments;

namespace Shipping.EndToEnd.IntegrationTests;

/// <summary>
/// Erasure and export of a customer's personal data, against the real Timeline host and database. What erasure left
/// behind is looked for in every table of Timeline's schema, as text, so a read model added later is covered too.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PrivacyTests(PlatformFixture platform)
{
    private const string Acme = PlatformFixture.AcmeKey;
    private const string Globex = PlatformFixture.GlobexKey;

    private readonly ITimelineApi _api = RestService.ForGenerated<ITimelineApi>(platform.Timeline.CreateClient());

    [Fact]
    public async Task Erasure_RemovesThePersonFromEveryTableOfTimeline_AndKeepsTheCarrierHistory()
    {
        var person = Person.New();
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var shipmentId = await RegisterAsync(Acme, order, person, tracking);
        await ScanAsync(tracking, TrackingStatus.InfoReceived, "2026-11-22T18:00:00+01:00");
        await ScanAsync(tracking, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00");
        await ScanAsync(tracking, TrackingStatus.InTransit, "2026-11-23T21:40:00+01:00", code: "ARRIVED_HUB");
        await RequestChangeAsync(shipmentId, DeliveryChangeKind.Neighbour, new DeliveryChangeDetails(NeighbourName: person.Neighbour, NeighbourHouseNumber: "12b"));
        await RequestChangeAsync(shipmentId, DeliveryChangeKind.OtherAddress, new DeliveryChangeDetails(Address: new PostalAddress(person.OtherStreet, "3", "04109", "Leipzig", "DE")));
        await RequestChangeAsync(shipmentId, DeliveryChangeKind.SafePlace, new DeliveryChangeDetails(SafePlace: person.SafePlace));
        await Eventually.Get(() => platform.TimelineAsync(order),
            t => t?.Shipments[0] is { Events.Count: 3, DeliveryChanges.Count: 3 } s && s.DeliveryChanges.All(c => c.State == DeliveryChangeState.Confirmed),
            "three scans and three confirmed delivery changes");
        await Eventually.Get(async () => (OrderSearchResult?)await _api.SearchAsync(Acme, person.Email), r => r?.Orders.Count == 1, "the order to be found by the customer's email");
        await WaitForDaemonAsync();

        // Before: the person is in the events and in the read models (so the scan below can see what it looks for).
        var before = await FindPersonAsync(person);
        Assert.Contains(before, f => f.Table == "mt_events" && f.Needle == person.Name);
        Assert.Contains(before, f => f.Table == "mt_events" && f.Needle == person.Neighbour);
        Assert.Contains(before, f => f.Table == "mt_doc_orderdetails" && f.Needle == person.Street);
        Assert.Contains(before, f => f.Table == "mt_doc_ordersummaryview" && f.Needle == person.PhoneDigits);

        // Named by email as the customer wrote it to support, in another case.
        var erasure = await _api.EraseCustomerAsync(Acme, new CustomerLookup(Email: "  " + person.Email.ToUpperInvariant()));

        var erased = Assert.Single(erasure.Orders);
        Assert.Equal((order, false), (erased.OrderNumber, erased.AlreadyErased));
        var published = await Eventually.Get(
            () => Task.FromResult(platform.Timeline.Published.Of<CustomerDataErased>().SingleOrDefault(m => m.OrderNumber == order)),
            m => m is not null, "CustomerDataErased to be published");
        Assert.Equal((erased.ErasureId, "acme"), (published.ErasureId, published.TenantId));
        await WaitForDaemonAsync();

        var left = await FindPersonAsync(person);
        Assert.True(left.Count == 0, "Personal data left after erasure: " + string.Join("; ", left.Select(f => $"{f.Needle} in {f.Table}")));
        Assert.Equal(4, await CountMaskedEventsAsync(erased.ErasureId)); // OrderRegistered and the three DeliveryChangeRecorded

        // The carrier history stays, with every scan and the outcome of every change (without what was asked).
        var timeline = await platform.TimelineAsync(order);
        var shipment = Assert.Single(timeline!.Shipments);
        Assert.Equal(["INFORECEIVED", "INTRANSIT", "ARRIVED_HUB"], shipment.Events.Select(e => e.RawCode));
        Assert.Equal([DeliveryChangeKind.Neighbour, DeliveryChangeKind.OtherAddress, DeliveryChangeKind.SafePlace], shipment.DeliveryChanges.Select(c => c.Kind).Order());
        Assert.All(shipment.DeliveryChanges, c => Assert.Equal(DeliveryChangeState.Confirmed, c.State));
        var history = (await platform.TimelineClient().GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", PlatformFixture.Json))!.Rows;
        Assert.Equal(3, history.Count(r => r.Kind == TimelineRowKind.CarrierScan));
        Assert.Contains(history, r => r.Kind == TimelineRowKind.PersonalDataErased && r.Summary.Contains("personal data was erased"));

        // Found by its number still, no longer by the person's email or phone, in any written form.
        foreach (var query in new[] { person.Email, person.Phone, person.PhoneSpaced, person.PhoneNational })
        {
            Assert.Empty((await _api.SearchAsync(Acme, query)).Orders);
        }

        var summary = Assert.Single((await _api.SearchAsync(Acme, order)).Orders);
        // The locale stays for the order's language; the time zone (where the person lives) goes with the address.
        Assert.Equal(new CustomerContact("[erased]", null, null, "de-DE"), summary.Customer);
        Assert.Null(summary.DeliveryAddress);
    }

    [Fact]
    public async Task ErasedOrder_StaysErased_WhenErasedAgain_RegisteredAgain_AskedForADeliveryChange_OrGivenAShipment()
    {
        var person = Person.New();
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var shipmentId = await RegisterAsync(Acme, order, person, tracking);
        await ScanAsync(tracking, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00");
        await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Events.Count == 1, "the scan");

        var first = Assert.Single((await _api.EraseOrderAsync(Acme, order)).Orders);
        var again = Assert.Single((await _api.EraseOrderAsync(Acme, order)).Orders);

        Assert.False(first.AlreadyErased);
        Assert.Equal((first.ErasureId, first.ErasedAt, true), (again.ErasureId, again.ErasedAt, again.AlreadyErased));

        // The retailer's system sends the registration again: the person is not taken back.
        var repeated = await platform.TimelineClient().PostAsJsonAsync("/api/orders", Registration(order, person, tracking));
        Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);
        Assert.Contains("personal data was erased", await repeated.Content.ReadAsStringAsync());

        // A delivery change would store a neighbour's name: refused, with the reason.
        await RequestChangeAsync(shipmentId, DeliveryChangeKind.Neighbour, new DeliveryChangeDetails(NeighbourName: person.Neighbour));
        var change = (await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].DeliveryChanges.Count == 1, "the refusal"))
            .Shipments[0].DeliveryChanges.Single();
        Assert.Equal(DeliveryChangeState.Refused, change.State);
        Assert.Contains("erased", change.Reason);

        // The parcel goes on: a later scan and a later shipment are recorded, the new shipment marked as erased too.
        await ScanAsync(tracking, TrackingStatus.Delivered, "2026-11-24T11:00:00+01:00");
        var added = await platform.TimelineClient().PostAsJsonAsync($"/api/orders/{order}/shipments", new { carrier = "simulator", trackingNumber = PlatformFixture.NewTrackingNumber() });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0].Status == TrackingStatus.Delivered, "the later scan");
        var history = (await platform.TimelineClient().GetFromJsonAsync<OrderHistory>($"/api/orders/{order}/history", PlatformFixture.Json))!.Rows;
        Assert.Equal(2, history.Count(r => r.Kind == TimelineRowKind.PersonalDataErased));

        await WaitForDaemonAsync();
        Assert.Empty(await FindPersonAsync(person));
        Assert.Single(platform.Timeline.Published.Of<CustomerDataErased>(), m => m.OrderNumber == order);

        var export = Assert.Single((await _api.ExportOrderAsync(Acme, order)).Orders);
        Assert.Equal(("[erased]", (string?)null, (string?)null, (PostalAddress?)null), (export.Customer.Name, export.Customer.Email, export.Customer.Phone, export.DeliveryAddress));
        Assert.Equal(first.ErasedAt, export.PersonalDataErasedAt);
        Assert.False(export.Customer.SmsOptIn || export.Customer.EmailOptIn);
    }

    [Fact]
    public async Task Export_HoldsThePersonAndTheShipmentsEvents_AndAnotherTenantCanNeitherExportNorErase()
    {
        var person = Person.New();
        var (order, tracking) = (PlatformFixture.NewOrderNumber(), PlatformFixture.NewTrackingNumber());
        var shipmentId = await RegisterAsync(Acme, order, person, tracking);
        await ScanAsync(tracking, TrackingStatus.InTransit, "2026-11-23T09:15:00+01:00");
        await RequestChangeAsync(shipmentId, DeliveryChangeKind.Neighbour, new DeliveryChangeDetails(NeighbourName: person.Neighbour, NeighbourHouseNumber: "12b"));
        await Eventually.Get(() => platform.TimelineAsync(order), t => t?.Shipments[0] is { Events.Count: 1, DeliveryChanges.Count: 1 }, "the scan and the change");

        // Another retailer knows the order number and the email, and still gets nothing and changes nothing.
        await AssertNotFoundAsync(() => _api.ExportOrderAsync(Globex, order));
        await AssertNotFoundAsync(() => _api.ExportCustomerAsync(Globex, new CustomerLookup(Email: person.Email)));
        await AssertNotFoundAsync(() => _api.EraseOrderAsync(Globex, order));
        await AssertNotFoundAsync(() => _api.EraseCustomerAsync(Globex, new CustomerLookup(Phone: person.Phone)));

        // Named by phone in another written form: the whole record, as JSON.
        var response = await platform.TimelineClient().PostAsJsonAsync("/api/customers/export", new { phone = person.PhoneSpaced });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        foreach (var held in new[] { person.Name, person.Email, person.Phone, person.Street, person.Neighbour, tracking, "INTRANSIT" })
        {
            Assert.Contains(held, json);
        }

        var export = Assert.Single((await _api.ExportCustomerAsync(Acme, new CustomerLookup(Email: person.Email))).Orders);
        Assert.Equal((order, person.Name, person.Email, person.Phone), (export.OrderNumber, export.Customer.Name, export.Customer.Email, export.Customer.Phone));
        Assert.Equal(person.Street, export.DeliveryAddress?.Street);
        Assert.Null(export.PersonalDataErasedAt);
        var shipment = Assert.Single(export.Shipments);
        Assert.Equal((shipmentId, tracking), (shipment.ShipmentId, shipment.TrackingNumber));
        Assert.Equal("INTRANSIT", Assert.Single(shipment.CarrierEvents).RawCode);
        var change = Assert.Single(shipment.DeliveryChanges);
        Assert.Equal((DeliveryChangeKind.Neighbour, person.Neighbour, "12b"), (change.Kind, change.Details?.NeighbourName, change.Details?.NeighbourHouseNumber));
        Assert.Contains(shipment.History, h => h.Kind == "CarrierScan" && h.RawCode == "INTRANSIT");
        Assert.Contains(shipment.History, h => h.Kind == "Registered");
        Assert.DoesNotContain(platform.Timeline.Published.Of<CustomerDataErased>(), m => m.OrderNumber == order);
    }

    [Fact]
    public async Task CustomerRequests_NamingNobodyOrNobodyKnown_AreProblems_ThatDoNotRepeatTheEmail()
    {
        var client = platform.TimelineClient();
        var stranger = $"nobody.{Guid.NewGuid():N}@example.org";
        foreach (var (body, field) in new (object, string)[]
        {
            (new { }, "email"),
            (new { email = "erika@example.com", phone = "+4915112345678" }, "email"),
            (new { phone = "(0151) 1234 5678" }, "phone"),
            (new { email = "no-at-sign" }, "email"),
        })
        {
            var bad = await client.PostAsJsonAsync("/api/customers/erasure", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"\"{field}\"", await bad.Content.ReadAsStringAsync());
        }

        foreach (var path in new[] { "/api/customers/erasure", "/api/customers/export" })
        {
            var unknown = await client.PostAsJsonAsync(path, new { email = stranger });
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(stranger, await unknown.Content.ReadAsStringAsync());
        }

        var unknownOrder = await client.PostAsync($"/api/orders/{PlatformFixture.NewOrderNumber()}/erasure", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownOrder.StatusCode);

        var document = await platform.Timeline.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/orders/{orderNumber}/erasure", "/api/orders/{orderNumber}/export", "/api/customers/erasure", "/api/customers/export" })
        {
            Assert.Contains($"\"{path}\"", document);
        }

        Assert.Contains("\"CustomerDataExport\"", document);
    }

    private static async Task AssertNotFoundAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAnyAsync<ApiException>(call);
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
    }

    private static object Registration(string orderNumber, Person person, string trackingNumber) => new
    {
        orderNumber,
        customer = new { name = person.Name, email = person.Email, phone = person.Phone, locale = "de-DE", timeZone = "Europe/Berlin", smsOptIn = true },
        deliveryAddress = new { name = person.Name, street = person.Street, houseNumber = "7", postalCode = "04277", city = "Leipzig", countryCode = "DE" },
        promisedDeliveryDate = PlatformFixture.Day(5),
        shipments = new[] { new { carrier = "simulator", trackingNumber } },
    };

    /// <summary>Registers through the API; returns the shipment's id.</summary>
    private async Task<Guid> RegisterAsync(string apiKey, string orderNumber, Person person, string trackingNumber)
    {
        var response = await platform.TimelineClient(apiKey).PostAsJsonAsync("/api/orders", Registration(orderNumber, person, trackingNumber));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var timeline = await platform.TimelineAsync(orderNumber, apiKey);
        return timeline!.Shipments[0].ShipmentId;
    }

    /// <summary>A canonical scan on the bus, as a carrier adapter publishes it.</summary>
    private async Task ScanAsync(string trackingNumber, TrackingStatus status, string at, string? code = null)
    {
        var occurredAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        code ??= status.ToString().ToUpperInvariant();
        await platform.Timeline.Services.GetRequiredService<IBus>().Publish(new TrackingEventObserved(
            StableIds.ForCarrierScan("simulator", trackingNumber, occurredAt, code), "acme", "simulator", trackingNumber,
            status, TrackingSubstatus.Unspecified, code, $"{status} at the Leipzig hub", occurredAt,
            new EventLocation("Leipzig", "04435", "DE"), null, occurredAt));
    }

    private Task RequestChangeAsync(Guid shipmentId, DeliveryChangeKind kind, DeliveryChangeDetails details) =>
        platform.Timeline.Services.GetRequiredService<IBus>().Publish(new DeliveryChangeRequested(
            Guid.NewGuid(), "acme", shipmentId, kind, details, DeliveryChangeChannel.TrackingPage, DateTimeOffset.UtcNow));

    private Task WaitForDaemonAsync() =>
        platform.Timeline.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    private string Schema => $"it_{platform.Infrastructure.Run}_timeline";

    /// <summary>Every table of Timeline's schema (events with their headers, streams, every document), each row as text.</summary>
    private async Task<List<(string Table, string Needle)>> FindPersonAsync(Person person)
    {
        await using var connection = new NpgsqlConnection(LocalInfrastructure.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue("schema", Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("mt_events", tables);
        Assert.Contains("mt_doc_ordersummaryview", tables);
        var found = new List<(string, string)>();
        foreach (var table in tables)
        {
            foreach (var needle in person.Needles)
            {
                await using var search = new NpgsqlCommand($"select count(*) from \"{Schema}\".\"{table}\" t where t::text ilike @pattern", connection);
                search.Parameters.AddWithValue("pattern", "%" + needle + "%");
                if ((long)(await search.ExecuteScalarAsync())! > 0)
                {
                    found.Add((table, needle));
                }
            }
        }

        return found;
    }

    /// <summary>How many stored events carry the erasure's header (Marten adds it to every event it masked).</summary>
    private async Task<long> CountMaskedEventsAsync(Guid erasureId)
    {
        await using var connection = new NpgsqlConnection(LocalInfrastructure.Postgres);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from \"{Schema}\".mt_events where headers::text like @id", connection);
        count.Parameters.AddWithValue("id", "%" + erasureId + "%");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>A person of this test's own: every string unique, so finding it anywhere means it was not erased.</summary>
    private sealed record Person(string Name, string Email, string Phone, string Street, string Neighbour, string OtherStreet, string SafePlace)
    {
        public static Person New()
        {
            var tag = Guid.NewGuid().ToString("N")[..8];
            var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Person(
                $"Henrietta Quist-{tag}", $"h.quist.{tag}@example.org", "+49152" + digits, $"Holunderweg-{tag}",
                $"Bertold Nachbar-{tag}", $"Ausweichgasse-{tag}", $"behind the green shed {tag}");
        }

        public string PhoneDigits => Phone[3..];

        public string PhoneSpaced => $"{Phone[..3]} {Phone[3..6]} {Phone[6..10]} {Phone[10..]}";

        public string PhoneNational => $"(0{Phone[3..6]}) {Phone[6..]}";

        /// <summary>The phone's national digits cover its E.164 form and the search's national key.</summary>
        public IEnumerable<string> Needles => [Name, Email, PhoneDigits, Street, Neighbour, OtherStreet, SafePlace];
    }
}

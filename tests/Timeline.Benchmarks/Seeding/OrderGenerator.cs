using System.Globalization;
using Shipping.Contracts;
using Shipping.Timeline.Orders;
using Shipping.Timeline.Shipments;

namespace Shipping.Timeline.Benchmarks.Seeding;

/// <summary>A generated order: who it is for, under which tenant, and each shipment's journey of carrier scans.</summary>
public sealed record GeneratedOrder(
    int Index, string Tenant, string OrderNumber, Customer Customer, DateOnly PromisedDeliveryDate, DateTimeOffset RegisteredAt,
    IReadOnlyList<GeneratedShipment> Shipments)
{
    public Guid OrderId => OrderDetails.IdFor(OrderNumber);
}

public sealed record GeneratedShipment(string Carrier, string TrackingNumber, IReadOnlyList<TrackingEventObserved> Journey)
{
    public Guid ShipmentId(string orderNumber) => ShipmentView.IdFor(orderNumber, Carrier, TrackingNumber);
}

/// <summary>
/// Deterministic, realistic-looking orders: order <c>i</c> is always the same order, so a benchmark run can pick
/// random samples (and the forms a person would type them in) without reading them back from the database.
/// Four retailers (tenants) with their own order-number styles; customers from six countries with their locale,
/// time zone and a mobile number of their country; five carriers with their tracking-number formats; one order in
/// ten has two parcels. Numbers are spread by bijections, so they are unique without looking sequential.
/// </summary>
public static class OrderGenerator
{
    public static readonly string[] Tenants = ["northwind", "contoso", "fabrikam", "tailspin"];

    /// <summary>Registrations fall in the 30 days before this instant (fixed, so the data is the same on every run).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public static string ApiKey(string tenant) => $"bench-{tenant}-key";

    public static int ShipmentsOf(int orderIndex) => orderIndex % 10 == 7 ? 2 : 1;

    /// <summary>How many orders carry <paramref name="shipments"/> shipments (the last may be cut to one).</summary>
    public static int OrdersFor(int shipments)
    {
        var orders = 0;
        for (var total = 0; total < shipments; orders++)
        {
            total += ShipmentsOf(orders);
        }

        return orders;
    }

    private sealed record Country(string Locale, string Region, string TimeZone, string CallingCode, Func<Random, string> Mobile, string[] Domains, string[] FirstNames, string[] LastNames);

    private static readonly Country[] Countries =
    [
        new("de-DE", "DE", "Europe/Berlin", "49", r => "15" + r.Next(1, 10) + Digits(r, 8), ["gmx.de", "web.de", "t-online.de", "gmail.com"],
            ["Erika", "Max", "Sabine", "Jürgen", "Lena", "Jonas", "Anna", "Lukas", "Petra", "Felix"], ["Mustermann", "Schmidt", "Müller", "Schneider", "Fischer", "Weber", "Becker", "Wagner"]),
        new("en-GB", "GB", "Europe/London", "44", r => "7" + r.Next(400, 980) + Digits(r, 6), ["gmail.com", "btinternet.com", "outlook.com", "yahoo.co.uk"],
            ["Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily"], ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Davies"]),
        new("fr-FR", "FR", "Europe/Paris", "33", r => (r.Next(2) == 0 ? "6" : "7") + Digits(r, 8), ["orange.fr", "free.fr", "gmail.com", "laposte.net"],
            ["Camille", "Louis", "Chloé", "Gabriel", "Léa", "Hugo", "Manon", "Arthur"], ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy"]),
        new("en-US", "US", "America/New_York", "1", r => r.Next(201, 990).ToString(CultureInfo.InvariantCulture) + r.Next(200, 1000) + Digits(r, 4), ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"],
            ["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda"], ["Johnson", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Moore"]),
        new("nl-NL", "NL", "Europe/Amsterdam", "31", r => "6" + Digits(r, 8), ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl"],
            ["Daan", "Emma", "Sem", "Julia", "Lucas", "Tess", "Finn", "Sophie"], ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer"]),
        new("it-IT", "IT", "Europe/Rome", "39", r => "3" + r.Next(20, 50) + Digits(r, 7), ["libero.it", "gmail.com", "tiscali.it", "virgilio.it"],
            ["Giulia", "Francesco", "Sofia", "Alessandro", "Aurora", "Lorenzo", "Ginevra", "Matteo"], ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"]),
    ];

    private static readonly string[] Carriers = ["dhl", "ups", "fedex", "usps", "easypost"];

    public static GeneratedOrder Order(int index, int firstShipmentIndex)
    {
        var random = new Random(unchecked(index * 7919 + 17));
        var tenant = Tenants[index % Tenants.Length];
        // About one order in six is from a returning customer: the same person (name, mailbox, phone) as an earlier order.
        var person = random.Next(6) == 0 ? index % 20_011 : index;
        var who = new Random(unchecked(person * 104_729 + 3));
        var country = Countries[who.Next(Countries.Length)];
        var first = country.FirstNames[who.Next(country.FirstNames.Length)];
        var last = country.LastNames[who.Next(country.LastNames.Length)];
        var email = $"{Ascii(first)}.{Ascii(last).Replace(" ", "", StringComparison.Ordinal)}{Spread(person, 100_000):D5}@{country.Domains[person % country.Domains.Length]}";
        var phone = "+" + country.CallingCode + country.Mobile(who);
        var customer = new Customer($"{first} {last}", email, phone, country.Locale, country.TimeZone);

        var orderNumber = tenant switch
        {
            "northwind" => $"NW-{Spread(index, 10_000_000):D7}",
            "contoso" => $"#{1_000_000 + index}",
            "fabrikam" => $"FAB2026-{Spread(index, 100_000_000):D8}",
            _ => $"{Spread(index, 1_000_000_000) + 1_000_000_000L}",
        };

        var registeredAt = Epoch.AddSeconds(-random.Next(30 * 24 * 3600));
        var promised = DateOnly.FromDateTime(registeredAt.UtcDateTime).AddDays(2 + random.Next(4));
        var shipments = new List<GeneratedShipment>();
        for (var i = 0; i < ShipmentsOf(index); i++)
        {
            var shipmentIndex = firstShipmentIndex + i;
            var carrier = Carriers[(shipmentIndex * 7 + index) % Carriers.Length];
            var tracking = TrackingNumber(carrier, shipmentIndex);
            shipments.Add(new GeneratedShipment(carrier, tracking, Journey(random, tenant, carrier, tracking, registeredAt, promised)));
        }

        return new GeneratedOrder(index, tenant, orderNumber, customer, promised, registeredAt, shipments);
    }

    /// <summary>Every order of a data set of <paramref name="shipments"/> shipments, in order.</summary>
    public static IEnumerable<GeneratedOrder> Orders(int shipments)
    {
        var shipment = 0;
        for (var index = 0; shipment < shipments; index++)
        {
            var order = Order(index, shipment);
            if (shipment + order.Shipments.Count > shipments)
            {
                order = order with { Shipments = [order.Shipments[0]] };
            }

            shipment += order.Shipments.Count;
            yield return order;
        }
    }

    /// <summary>The first shipment index of order <paramref name="index"/>.</summary>
    public static int FirstShipmentOf(int index) => index + index / 10 + (index % 10 > 7 ? 1 : 0);

    private static string TrackingNumber(string carrier, int shipment) => carrier switch
    {
        "dhl" => $"JJD0001{Spread(shipment, 10_000_000_000_000L):D13}",
        "ups" => $"1Z{(char)('A' + shipment % 26)}{(char)('A' + shipment / 26 % 26)}{Spread(shipment, 1_000_000_000_000L):D12}{shipment % 10}0",
        "fedex" => $"{Spread(shipment, 1_000_000_000_000L):D12}",
        "usps" => $"9400{Spread(shipment, 1_000_000_000_000_000L):D18}",
        _ => $"EZ{Spread(shipment, 10_000_000_000L):D10}US",
    };

    private sealed record Step(TrackingStatus Status, TrackingSubstatus Substatus, string Code, string Text, double HoursAfter);

    private static readonly (string City, string Postal, string Country, int Offset)[] Hubs =
    [
        ("Leipzig", "04435", "DE", 1), ("Köln", "50829", "DE", 1), ("Hamburg", "21129", "DE", 1), ("East Midlands", "DE74 2SA", "GB", 0),
        ("Paris", "95700", "FR", 1), ("Amsterdam", "1118", "NL", 1), ("Milano", "20090", "IT", 1), ("Louisville", "40209", "US", -5),
        ("Memphis", "38118", "US", -6), ("Brussels", "1930", "BE", 1),
    ];

    private static IReadOnlyList<TrackingEventObserved> Journey(Random random, string tenant, string carrier, string tracking, DateTimeOffset registeredAt, DateOnly promised)
    {
        var kind = random.Next(100);
        var steps = new List<Step>
        {
            new(TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified, "PRE", "Shipment information received", 2 + random.Next(10)),
            new(TrackingStatus.InTransit, TrackingSubstatus.PickedUp, "PU", "Picked up by the carrier", 6 + random.Next(18)),
            new(TrackingStatus.InTransit, TrackingSubstatus.Departed, "DP", "Departed from the origin facility", 2 + random.Next(6)),
            new(TrackingStatus.InTransit, TrackingSubstatus.Arrived, "AR", "Arrived at the sort hub", 4 + random.Next(12)),
            new(TrackingStatus.InTransit, TrackingSubstatus.Processing, "PR", "Processed at the sort hub", 1 + random.Next(3)),
            new(TrackingStatus.InTransit, TrackingSubstatus.Arrived, "AD", "Arrived at the delivery depot", 5 + random.Next(10)),
        };
        if (kind < 10)
        {
            steps.Add(new(TrackingStatus.Exception, random.Next(2) == 0 ? TrackingSubstatus.Weather : TrackingSubstatus.Delayed, "EX", "Delay in transit", 3));
            steps.Add(new(TrackingStatus.InTransit, TrackingSubstatus.Departed, "DP", "Departed from the delivery depot", 20));
        }

        steps.Add(new(TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified, "OD", "Out for delivery", 8 + random.Next(4)));
        if (kind is >= 10 and < 22)
        {
            steps.Add(new(TrackingStatus.AttemptFail, TrackingSubstatus.NobodyHome, "AF", "Delivery attempted, nobody home", 3 + random.Next(5)));
            steps.Add(new(TrackingStatus.AvailableForPickup, TrackingSubstatus.AtParcelShop, "PS", "Available for pickup at the parcel shop", 2));
        }

        steps.Add(kind < 95
            ? new(TrackingStatus.Delivered, random.Next(4) == 0 ? TrackingSubstatus.ToNeighbour : TrackingSubstatus.ToRecipient, "DL", "Delivered", 1 + random.Next(6))
            : new(TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified, "RS", "Returned to the sender", 48));

        var late = random.Next(5) == 0;
        var estimate = new DeliveryEstimate(promised.AddDays(late ? 1 + random.Next(2) : 0));
        var at = registeredAt;
        var journey = new List<TrackingEventObserved>();
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            at = at.AddHours(step.HoursAfter).AddMinutes(random.Next(60));
            var hub = Hubs[random.Next(Hubs.Length)];
            var occurredAt = at.ToOffset(TimeSpan.FromHours(hub.Offset));
            var code = $"{carrier.ToUpperInvariant()}-{step.Code}";
            journey.Add(new TrackingEventObserved(
                StableIds.ForCarrierScan(carrier, tracking, occurredAt, code), tenant, carrier, tracking, step.Status, step.Substatus, code,
                $"{step.Text} ({hub.City})", occurredAt, new EventLocation(hub.City, hub.Postal, hub.Country),
                i == 1 ? estimate : null, occurredAt.AddMinutes(1 + random.Next(20))));
        }

        return journey;
    }

    /// <summary>A bijection of [0, range) that looks random: (i·a + b) mod range with a coprime to range.</summary>
    private static long Spread(long value, long range)
    {
        const ulong a = 2_654_435_761UL; // odd and not a multiple of 5: coprime to every power of ten
        return (long)(((UInt128)(ulong)value * a + 12_345UL) % (ulong)range);
    }

    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static string Ascii(string name) => name.ToLowerInvariant()
        .Replace("ü", "ue", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ä", "ae", StringComparison.Ordinal)
        .Replace("é", "e", StringComparison.Ordinal);
}

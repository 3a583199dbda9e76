namespace Shipping.Carriers.Simulator;

/// <summary>Configuration section <c>Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string Carrier = "simulator";

    /// <summary>Secret for <c>X-Simulator-Signature</c>. Empty: every webhook is refused.</summary>
    public string WebhookSecret { get; set; } = "";

    public JourneyOptions Journeys { get; set; } = new();

    public DeliveryChangeOptions DeliveryChanges { get; set; } = new();

    public DeliveryOfferOptions DeliveryOptions { get; set; } = new();

    /// <summary>What the simulated carrier offers for every parcel: working days from its estimate on, and its parcel shops.</summary>
    public sealed class DeliveryOfferOptions
    {
        /// <summary>How many working days (Monday to Friday) are offered, from the estimate on (from tomorrow at the earliest).</summary>
        public int Days { get; set; } = 5;

        /// <summary>The carrier's parcel shops, offered for every parcel; a parcel-shop change must name one of them.</summary>
        public List<ShopOptions> Shops { get; set; } = [];
    }

    public sealed class ShopOptions
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Street { get; set; } = "";
        public string PostalCode { get; set; } = "";
        public string City { get; set; } = "";
        public string CountryCode { get; set; } = "DE";
        public string? OpeningHours { get; set; }
    }

    public sealed class DeliveryChangeOptions
    {
        /// <summary>Kinds of change the simulated carrier refuses (none by default).</summary>
        public List<Contracts.DeliveryChangeKind> Refuse { get; set; } = [];

        public string RefusalReason { get; set; } = "The carrier cannot make this change for this parcel.";

        /// <summary>The "carrier's own page" a refusal points to.</summary>
        public string? SelfServiceUrl { get; set; } = "https://simulator.example/redirect";
    }

    public sealed class JourneyOptions
    {
        /// <summary>Whether <c>POST /api/journeys</c> plays demo journeys (on in Development).</summary>
        public bool Enabled { get; set; }

        /// <summary>Time between two scans of a demo journey.</summary>
        public TimeSpan StepInterval { get; set; } = TimeSpan.FromSeconds(4);
    }
}

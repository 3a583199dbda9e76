namespace Shipping.Carriers.Simulator;

/// <summary>Configuration section <c>Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string Carrier = "simulator";

    /// <summary>Secret for <c>X-Simulator-Signature</c>. Empty: every webhook is refused.</summary>
    public string WebhookSecret { get; set; } = "";

    public JourneyOptions Journeys { get; set; } = new();

    public DeliveryChangeOptions DeliveryChanges { get; set; } = new();

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

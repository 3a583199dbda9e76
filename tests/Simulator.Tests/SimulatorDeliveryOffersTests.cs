namespace Shipping.Carriers.Simulator.Tests;

public class SimulatorDeliveryOffersTests
{
    [Fact]
    public void Dates_AreWorkingDaysFromTheEstimateOn()
    {
        var dates = SimulatorDeliveryOffers.Dates(new DateOnly(2026, 11, 27), today: new DateOnly(2026, 11, 23), count: 3);

        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)], dates);
    }

    [Fact]
    public void Dates_WithoutAnEstimateOrWithOneInThePast_StartTomorrow()
    {
        var saturday = new DateOnly(2026, 11, 28);

        Assert.Equal(new DateOnly(2026, 11, 30), SimulatorDeliveryOffers.Dates(null, saturday, 5)[0]);
        Assert.Equal(new DateOnly(2026, 11, 30), SimulatorDeliveryOffers.Dates(new DateOnly(2026, 11, 20), saturday, 5)[0]);
        Assert.Equal(5, SimulatorDeliveryOffers.Dates(null, saturday, 5).Count);
    }
}

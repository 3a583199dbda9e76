using Shipping.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Carriers.Ups.Normalising;
using Shipping.Contracts;

namespace Shipping.Carriers.Ups.Tests;

public class UpsStatusMappingTests
{
    private readonly UpsStatusMapping _mapping = new(NullLogger<UpsStatusMapping>.Instance);

    // Each activity code on its own (with a type that would say something else, to show the code decides).
    [Theory]
    [InlineData("SR", TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared)]
    [InlineData("OT", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("FS", TrackingStatus.Delivered, TrackingSubstatus.Unspecified)]
    [InlineData("MP", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("OR", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("DP", TrackingStatus.InTransit, TrackingSubstatus.Departed)]
    [InlineData("YP", TrackingStatus.InTransit, TrackingSubstatus.Processing)]
    public void ActivityCode_MapsToItsCanonicalStatus(string code, TrackingStatus status, TrackingSubstatus substatus) =>
        Assert.Equal(new(status, substatus), _mapping.Map("ZZ", code, "999"));

    [Theory]
    [InlineData("003", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("005", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("011", TrackingStatus.Delivered, TrackingSubstatus.Unspecified)]
    [InlineData("021", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("071", TrackingStatus.InTransit, TrackingSubstatus.Processing)]
    public void SimplifiedStatusCode_MapsToItsCanonicalStatus(string statusCode, TrackingStatus status, TrackingSubstatus substatus) =>
        Assert.Equal(new(status, substatus), _mapping.Map("I", "ZZ", statusCode));

    [Theory]
    [InlineData("D", TrackingStatus.Delivered, TrackingSubstatus.Unspecified)]
    [InlineData("I", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("M", TrackingStatus.InfoReceived, TrackingSubstatus.Unspecified)]
    [InlineData("MV", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("U", TrackingStatus.InTransit, TrackingSubstatus.Unspecified)]
    [InlineData("X", TrackingStatus.Exception, TrackingSubstatus.Unspecified)]
    [InlineData("P", TrackingStatus.InTransit, TrackingSubstatus.PickedUp)]
    [InlineData("O", TrackingStatus.OutForDelivery, TrackingSubstatus.Unspecified)]
    [InlineData("RS", TrackingStatus.ReturnToSender, TrackingSubstatus.Unspecified)]
    public void StatusType_MapsToItsCanonicalStatus(string type, TrackingStatus status, TrackingSubstatus substatus) =>
        Assert.Equal(new(status, substatus), _mapping.Map(type, "ZZ", "999"));

    [Theory]
    [InlineData(nameof(ActivityCode_MapsToItsCanonicalStatus))]
    [InlineData(nameof(SimplifiedStatusCode_MapsToItsCanonicalStatus))]
    [InlineData(nameof(StatusType_MapsToItsCanonicalStatus))]
    public void EveryCodeInEachTable_IsCoveredByItsTheory(string theory)
    {
        var table = theory switch
        {
            nameof(ActivityCode_MapsToItsCanonicalStatus) => UpsStatusMapping.ActivityCodes,
            nameof(SimplifiedStatusCode_MapsToItsCanonicalStatus) => UpsStatusMapping.StatusCodes,
            _ => UpsStatusMapping.StatusTypes,
        };
        var rows = TheoryRows.Of<UpsStatusMappingTests>(theory);

        Assert.Equal(table.Keys.Order(), rows.Select(r => (string)r[0]!).Order());
        foreach (var row in rows)
        {
            Assert.Equal(table[(string)row[0]!], new((TrackingStatus)row[1]!, (TrackingSubstatus)row[2]!));
        }
    }

    [Theory]
    [InlineData("X")]
    [InlineData("RS")]
    public void ExceptionOrReturnType_IsNotOverruledByASimplifiedCodeSayingItMoves(string type) =>
        Assert.Equal(UpsStatusMapping.StatusTypes[type], _mapping.Map(type, "ZZ", "005"));

    [Fact]
    public void ActivityCode_DecidesOverTypeAndSimplifiedCode() =>
        // Tracking.yaml's Status example: type X, code SR "released by the customs agency", statusCode 003.
        Assert.Equal(new(TrackingStatus.InTransit, TrackingSubstatus.CustomsCleared), _mapping.Map("X", "SR", "003"));

    [Fact]
    public void SimplifiedCode_DecidesOverAPlainType() =>
        Assert.Equal(TrackingStatus.OutForDelivery, _mapping.Map("I", "ZZ", "021").Status);

    [Fact]
    public void SimplifiedCode_WrittenAsANumber_IsPaddedToThreeDigits() =>
        Assert.Equal(TrackingStatus.InfoReceived, _mapping.Map("I", null, "3").Status);

    [Fact]
    public void Codes_AreReadWithoutCaseOrSurroundingSpaces() =>
        Assert.Equal(TrackingStatus.OutForDelivery, _mapping.Map(" i ", " ot ", null).Status);

    [Fact]
    public void UnknownType_IsLoggedOnce()
    {
        var logger = new CountingLogger();
        var mapping = new UpsStatusMapping(logger);

        mapping.Map("ZZ", "QQ", null);
        mapping.Map("ZZ", "QR", null);

        Assert.Equal(1, logger.Warnings);
    }

    [Fact]
    public void UnknownTypeAndCodes_MapToTheFallback()
    {
        Assert.Null(UpsStatusMapping.Resolve("ZZ", "QQ", "999"));
        Assert.Equal(UpsStatusMapping.Fallback, _mapping.Map("ZZ", "QQ", "999"));
        Assert.Equal(new(TrackingStatus.InTransit), UpsStatusMapping.Fallback);
    }
}

internal sealed class CountingLogger : ILogger<UpsStatusMapping>
{
    public int Warnings { get; private set; }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.Warning)
        {
            Warnings++;
        }
    }
}

using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using Shipping.Contracts;
using Shipping.Notifications.Alerts;
using Shipping.Notifications.Alerts.Sending;
using Shipping.Notifications.Brands;
using Shipping.Notifications.Customers;

namespace Shipping.Notifications.Replies;

/// <summary>
/// Turns a customer's reply to an alert into a <see cref="DeliveryChangeRequested"/>: a choice is confirmed at once; a
/// neighbour needs a follow-up for the name and house number; anything unclear gets one short clarifying question,
/// never silence. The same inbound message (a provider's retry) is answered the same way and changes nothing again.
/// </summary>
public sealed class ReplyHandler(IPublishEndpoint publish, TimeProvider time, IOptions<NotificationsOptions> options, ILogger<ReplyHandler> logger)
{
    /// <returns>The text to answer with.</returns>
    public async Task<string> HandleAsync(IDocumentSession session, Alert alert, CustomerContact contact, AlertChannel channel, string providerId, string text, CancellationToken ct)
    {
        var inboundId = InboundMessage.IdFor(channel, providerId);
        if (await session.LoadAsync<InboundMessage>(inboundId, ct) is { Answer: { } earlier })
        {
            return earlier;
        }

        var now = time.GetUtcNow();
        var brand = (await session.LoadAsync<BrandProfile>(alert.TenantId, ct) ?? new BrandProfile { Id = alert.TenantId }).Brand;
        var language = alert.Language ?? AlertComposer.LanguageFor(contact, brand);
        var de = language == "de";
        var zone = QuietHours.Zone(contact.TimeZone, options.Value.DefaultTimeZone);
        var today = QuietHours.Today(now, zone);
        var shipmentId = alert.ShipmentIds[0];

        string answer;
        DeliveryChangeRequested? request = null;
        if (alert.Step == ConversationStep.AwaitingNeighbour)
        {
            switch (ReplyParser.ParseNeighbour(text))
            {
                case ReplyIntent.Neighbour neighbour:
                    request = Request(alert, shipmentId, channel, providerId, DeliveryChangeKind.Neighbour,
                        new DeliveryChangeDetails(NeighbourName: neighbour.Name, NeighbourHouseNumber: neighbour.HouseNumber), now);
                    alert.Step = ConversationStep.None;
                    alert.OpenForReplies = false;
                    answer = de
                        ? $"Danke! Wir bitten den Zusteller, Ihr Paket bei {neighbour.Name} (Nr. {neighbour.HouseNumber}) abzugeben, und melden uns mit seiner Antwort."
                        : $"Thanks! We've asked the carrier to leave your parcel with {neighbour.Name} (no. {neighbour.HouseNumber}) and will tell you its answer.";
                    break;
                default:
                    answer = de
                        ? "Bitte antworten Sie mit Name und Hausnummer des Nachbarn, z. B. \"Schmidt 12\"."
                        : "Please reply with your neighbour's name and house number, e.g. \"Smith 12\".";
                    break;
            }
        }
        else
        {
            switch (ReplyParser.Parse(text, alert.Options, today))
            {
                case ReplyIntent.Choose { Kind: DeliveryChangeKind.Neighbour }:
                    alert.Step = ConversationStep.AwaitingNeighbour;
                    answer = de
                        ? "Gern. Bei welchem Nachbarn? Bitte antworten Sie mit Name und Hausnummer."
                        : "Sure. Which neighbour? Please reply with their name and house number.";
                    break;
                case ReplyIntent.Choose { Kind: DeliveryChangeKind.NewDate, Date: { } date }:
                    request = Request(alert, shipmentId, channel, providerId, DeliveryChangeKind.NewDate, new DeliveryChangeDetails(Date: date), now);
                    alert.OpenForReplies = false;
                    answer = de
                        ? $"Danke! Wir bitten den Zusteller um Lieferung am {AlertTexts.Day(date, language)} und melden uns mit seiner Antwort."
                        : $"Thanks! We've asked the carrier to deliver on {AlertTexts.Day(date, language)} and will tell you its answer.";
                    break;
                default:
                    answer = (de ? "Das haben wir nicht verstanden. " : "Sorry, we didn't get that. ") + AlertTexts.Choices(alert.Options, language);
                    break;
            }
        }

        if (request is not null)
        {
            session.Insert(new ChangeRequest
            {
                Id = request.RequestId,
                TenantId = alert.TenantId,
                OrderNumber = alert.OrderNumber,
                AlertId = alert.Id,
                ShipmentId = shipmentId,
                Channel = channel,
                Kind = request.Kind,
                Date = request.Details.Date,
                RequestedAt = now,
            });
        }

        session.Store(alert);
        session.Store(new InboundMessage
        {
            Id = inboundId, TenantId = alert.TenantId, OrderNumber = alert.OrderNumber, Channel = channel, AlertId = alert.Id, Answer = answer, ReceivedAt = now,
        });
        await session.SaveChangesAsync(ct);
        if (request is not null)
        {
            await publish.Publish(request, ct);
            logger.LogInformation("Reply to alert {AlertId} asks for {Kind}: DeliveryChangeRequested {RequestId}", alert.Id, request.Kind, request.RequestId);
        }

        return answer;
    }

    private static DeliveryChangeRequested Request(
        Alert alert, Guid shipmentId, AlertChannel channel, string providerId, DeliveryChangeKind kind, DeliveryChangeDetails details, DateTimeOffset now) =>
        new(StableIds.From("notifications-change", alert.TenantId, alert.Id.ToString(), providerId), alert.TenantId, shipmentId, kind, details,
            channel == AlertChannel.Sms ? DeliveryChangeChannel.Sms : DeliveryChangeChannel.Email, now);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shipping.ServiceDefaults;

namespace Shipping.Carriers.Http;

/// <summary>How a carrier's OAuth2 client-credentials token is requested.</summary>
public enum ClientAuthentication
{
    /// <summary>Client id and secret in an HTTP Basic header (UPS).</summary>
    BasicHeader,
    /// <summary>Client id and secret as form fields next to grant_type (FedEx, USPS).</summary>
    FormFields,
}

/// <param name="TokenPath">Path of the token endpoint, relative to the carrier's base URL.</param>
public sealed record ClientCredentialsSettings(string TokenPath, string ClientId, string ClientSecret, ClientAuthentication Authentication);

/// <summary>
/// An OAuth2 client-credentials access token for one carrier, fetched when first needed and reused until shortly
/// before it expires. Concurrent callers share one fetch.
/// </summary>
public sealed class ClientCredentialsTokenSource(HttpClient http, ClientCredentialsSettings settings, TimeProvider time)
{
    /// <summary>A token is replaced this long before the carrier says it expires.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } fresh && time.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Token;
            }

            _current = await FetchAsync(ct);
            return _current.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the token (the carrier refused it), so the next call fetches a new one.</summary>
    public void Invalidate(string rejected)
    {
        if (_current?.Token == rejected)
        {
            _current = null;
        }
    }

    private async Task<(string, DateTimeOffset)> FetchAsync(CancellationToken ct)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenPath);
        if (settings.Authentication == ClientAuthentication.BasicHeader)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        }
        else
        {
            fields.Add(new("client_id", settings.ClientId));
            fields.Add(new("client_secret", settings.ClientSecret));
        }

        request.Content = new FormUrlEncodedContent(fields);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests) && (int)response.StatusCode is >= 400 and < 500)
        {
            // Not an HttpRequestException: the resilience handler must not retry credentials that will not get better.
            throw new ClientCredentialsRefusedException($"The carrier refused the OAuth client credentials (HTTP {(int)response.StatusCode}).");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The carrier's token endpoint failed (HTTP {(int)response.StatusCode}).", null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var token = root.GetProperty("access_token").GetString()
            ?? throw new HttpRequestException("The carrier's token response has no access_token.");
        // UPS writes expires_in as a string, others as a number.
        var seconds = root.TryGetProperty("expires_in", out var expires)
            ? expires.ValueKind == JsonValueKind.String ? long.Parse(expires.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : expires.GetInt64()
            : 3600;
        var lifetime = TimeSpan.FromSeconds(seconds);
        return (token, time.GetUtcNow() + (lifetime > ExpiryMargin * 2 ? lifetime - ExpiryMargin : lifetime / 2));
    }
}

/// <summary>The carrier refused the configured client id and secret: retrying will not help.</summary>
public sealed class ClientCredentialsRefusedException(string message) : Exception(message);

/// <summary>Puts the bearer token on every call; a 401 makes it fetch a new token and try once more.</summary>
public sealed class BearerTokenHandler(ClientCredentialsTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = await tokens.GetAsync(ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        tokens.Invalidate(token);
        var retry = await CloneAsync(request, ct);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
        response.Dispose();
        return await base.SendAsync(retry, ct);
    }

    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            var bytes = await request.Content.ReadAsByteArrayAsync(ct);
            clone.Content = new ByteArrayContent(bytes);
            foreach (var header in request.Content.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return clone;
    }
}

public static class ClientCredentialsExtensions
{
    /// <summary>
    /// Authenticates the API client with an OAuth2 client-credentials bearer token from the carrier's token endpoint
    /// (same base URL), cached until it expires.
    /// </summary>
    public static IHttpClientBuilder AddClientCredentialsToken(
        this IHttpClientBuilder api, Func<IServiceProvider, Uri> baseUrl, Func<IServiceProvider, ClientCredentialsSettings> settings)
    {
        var tokenClient = api.Name + "-oauth";
        // A token request changes nothing at the carrier: retried like a GET.
        api.Services.AddHttpClient(tokenClient).ConfigureHttpClient((sp, client) => client.BaseAddress = baseUrl(sp)).RetryingEveryMethod();
        api.Services.AddSingleton(sp => new ClientCredentialsTokenSource(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(tokenClient), settings(sp), sp.GetRequiredService<TimeProvider>()));
        return api.AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredService<ClientCredentialsTokenSource>()));
    }
}

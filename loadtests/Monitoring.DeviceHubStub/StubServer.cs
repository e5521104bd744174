using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Devices;

namespace Monitoring.DeviceHubStub;

/// <summary>
/// A Kestrel server with only the device hub (SignalR, MessagePack protocol, bearer <c>id:secret</c> tokens) over a
/// <see cref="StubBackend"/>. Tests start it on port 0, stop it and start it again on the same port to play a
/// coverage loss; the simulator's <c>stub-server</c> command runs it to measure devices without the real server.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base address devices use (<c>http://address:port</c>).</summary>
    public Uri Url { get; }

    public int Port => Url.Port;

    public static async Task<StubServer> StartAsync(StubBackend backend, IPAddress address, int port, LogLevel logLevel = LogLevel.Warning)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(logLevel);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        builder.Services.AddSingleton(backend);
        builder.Services.AddSignalR(hub => hub.MaximumReceiveMessageSize = DeviceBatchLimits.MaxMessageBytes).AddMessagePackProtocol();

        WebApplication app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!backend.IsAuthorized(BearerToken(context.Request), out string deviceId))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.Items[StubDeviceHub.DeviceIdItem] = deviceId;
            await next(context);
        });
        app.MapHub<StubDeviceHub>(DeviceHubMethods.Path);
        await app.StartAsync();

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StubServer(app, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The token from the Authorization header, or from the query string where browsers must put it.</summary>
    private static string? BearerToken(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Query["access_token"].FirstOrDefault();
    }
}

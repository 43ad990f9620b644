using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>The monitor's pub/sub subscriptions to the sentinels: live, and live again after their link drops.</summary>
public class EventSubscriptionTests
{
    [Fact]
    public async Task A_sentinel_that_drops_the_apps_pubsub_link_is_subscribed_again_and_heard()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        await lab.Session.Monitor.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        SentinelDefinition sentinel = lab.Lab.Sentinels[0];
        ISubscriber subscriber = (await lab.Session.Connections.GetAsync(sentinel)).GetSubscriber();
        // What the monitor takes for "subscribed": the pattern live on the connection's pub/sub link.
        Assert.True(subscriber.IsConnected(RedisChannel.Pattern("*")));

        // The sentinel closes the app's pub/sub connection (as a restart, a network blip or client-output-buffer-limit would).
        // (A connection of its own: the app's sentinel command map leaves CLIENT out.)
        ConfigurationOptions options = RedisConnections.Options(sentinel.Endpoint, lab.Lab.Security, TimeSpan.FromSeconds(5), sentinel: true);
        options.CommandMap = CommandMap.Create(["auth", "client", "hello", "info", "ping", "role", "sentinel", "subscribe", "psubscribe", "unsubscribe", "punsubscribe"], available: true);
        await using (ConnectionMultiplexer admin = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null))
        {
            RedisResult killed = await admin.GetServer(sentinel.Endpoint.Host, sentinel.Endpoint.Port).ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
            Assert.True((long)killed >= 1, $"CLIENT KILL TYPE pubsub closed {killed}");
        }

        // Heard again: an event the sentinel publishes after the drop reaches the timeline. RESET is asked until one
        // is heard, since the one asked before the link is back is lost, as Redis's pub/sub keeps nothing.
        DateTimeOffset dropped = lab.Session.Store.Time.GetUtcNow();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        bool Heard(LabSnapshot s) => s.Timeline.Any(t => t.Event == SentinelEventKind.ResetMaster && t.At > dropped && t.SeenBy.Contains(sentinel.Name));
        while (!Heard(lab.Now))
        {
            Assert.False(deadline.IsCancellationRequested, $"{sentinel.Name}'s events not heard within 30 s of the drop");
            Assert.True((await lab.Session.Actions.RunCommandAsync(sentinel.Name, "sentinel reset myMaster")).Ok);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            wait.CancelAfter(TimeSpan.FromSeconds(1));
            try { await lab.Session.Store.WaitForAsync(Heard, wait.Token); } catch (OperationCanceledException) { }
        }
        Assert.Equal(lab.Lab.Sentinels.Length, lab.Session.Monitor.SubscriptionCount);
        Assert.True(subscriber.IsConnected(RedisChannel.Pattern("*")));
    }
}

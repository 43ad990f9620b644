using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Session;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// The connection objects, subscriptions and event handlers the app holds, from the core's own counters:
/// none of them may grow while the lab fails over and its processes restart.
/// </summary>
public sealed record LeakCounters(long LiveMultiplexers, int Connections, int Subscriptions, int ChangedHandlers, int Watchers, int RestoredHandlers)
{
    public static LeakCounters Read(LabSession session) => new(
        ProcessConnections.LiveMultiplexers,
        session.Connections.Count,
        session.Monitor.SubscriptionCount,
        session.Store.ChangedHandlerCount,
        session.Store.WatcherCount,
        session.Connections.RestoredHandlerCount);

    public override string ToString() =>
        $"multiplexers {LiveMultiplexers} (session's {Connections}), subscriptions {Subscriptions}, store handlers {ChangedHandlers}, " +
        $"store watchers {Watchers}, restored handlers {RestoredHandlers}";
}

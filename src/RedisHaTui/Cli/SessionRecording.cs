using System.Reflection;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;

namespace RedisHaTui.Cli;

/// <summary>
/// Starts a session's flight recorder where --record, --no-record and Ui:Record say (RecordingPlace), and says
/// where it records. A recorder that cannot start is said, never fatal: the lab matters more than its recording.
/// </summary>
public static class SessionRecording
{
    /// <param name="choice">The command line's word ("off", a file) or null for Ui:Record's.</param>
    /// <param name="say">How the session tells the user (the timeline on the screen, stderr for `up`).</param>
    /// <param name="shared">Served to followers (--share): flushed more often, so they see it sooner.</param>
    public static FlightRecorder? Start(LabSession session, string? choice, RecordingMode mode, string? walkthroughFile, Action<string> say, bool shared = false)
    {
        LabDefinition lab = session.Lab;
        (string? path, string? problem) = RecordingPlace.Resolve(choice ?? lab.Ui.Record, lab, mode);
        if (problem is not null) { say($"not recording: {problem}"); return null; }
        if (path is null) return null;
        try
        {
            var header = new RecordingHeader
            {
                FormatVersion = RecordingFormat.Version,
                AppVersion = typeof(SessionRecording).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?",
                StartedAt = session.Store.Time.GetUtcNow(),
                Lab = lab,
                Mode = RecordingPlace.ModeName(mode),
                WalkthroughMarkdown = walkthroughFile is null ? null : File.ReadAllText(walkthroughFile),
            };
            FlightRecorder recorder = FlightRecorder.Start(session.Store, session.Log, header, path, shared ? FlightRecorderOptions.Shared : null);
            say($"recording to {LabLoader.Relative(path)}");
            return recorder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            say($"not recording: {e.Message}");
            return null;
        }
    }

    /// <summary>The screen's way of saying it: a line of the timeline.</summary>
    public static Action<string> OnTimeline(LabSession session) =>
        text => session.Store.Update(s => Timeline.Add(s, TimelineKind.Screen, text, session.Store.Time.GetUtcNow(), session.Lab.Ui.TimelineLines));

    /// <summary>After the session: what went wrong while recording, if anything.</summary>
    public static IEnumerable<string> Afterwards(FlightRecorder? recorder)
    {
        if (recorder is null) yield break;
        if (recorder.Problem is { } problem) yield return problem;
        if (recorder.DroppedLines + recorder.DroppedSnapshots > 0)
            yield return $"the recording in {LabLoader.Relative(recorder.Path)} misses {recorder.DroppedLines} log lines and {recorder.DroppedSnapshots} snapshots: the disk did not keep up";
    }
}

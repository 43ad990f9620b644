namespace RedisHaTui.Core.Recording;

/// <summary>The recording file format's identity: a reader refuses a file of a newer version by name.</summary>
public static class RecordingFormat
{
    /// <summary>Bumped when a reader of the previous version could misread a file; docs/recording.md lists the changes.</summary>
    public const int Version = 1;

    /// <summary>The file name a session records into when no --record names one.</summary>
    public const string DefaultFileName = "session.rec.ndjson";
}

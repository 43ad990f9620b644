namespace RedisHaTui.Core.Recording;

/// <summary>A file that cannot be played at all (not found, not a recording, a newer format); the message says which, for the user.</summary>
public sealed class RecordingException(string message) : Exception(message);

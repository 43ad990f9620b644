namespace RedisHaTui.Core.Sharing;

/// <summary>Sharing could not start or go on; the message names what is wrong and what to do, for the user.</summary>
public sealed class ShareException(string message, Exception? inner = null) : Exception(message, inner);

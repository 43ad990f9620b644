namespace RedisHaTui.Core.Lab;

/// <summary>
/// A password kept out of every printed form: ToString, string interpolation, records that hold it and
/// exception messages only ever see "***". Read the value only where it is sent to Redis.
/// </summary>
public sealed class Secret(string value)
{
    public string Reveal() => value;

    public override string ToString() => "***";

    public override bool Equals(object? obj) => obj is Secret other && other.Reveal() == value;

    public override int GetHashCode() => value.GetHashCode(StringComparison.Ordinal);
}

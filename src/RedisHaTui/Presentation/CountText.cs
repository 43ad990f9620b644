namespace RedisHaTui.Presentation;

/// <summary>"1 failover", "2 failovers": a count with its noun in the right number, for every printed summary.</summary>
public static class CountText
{
    public static string Of(long n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}

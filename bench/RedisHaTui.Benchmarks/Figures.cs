namespace RedisHaTui.Benchmarks;

/// <summary>min / median / max of a series, as BENCHMARKS.md reports them.</summary>
public static class Figures
{
    public static string Summary(IReadOnlyList<double> values, string unit, string format = "0.00")
    {
        double[] v = [.. values.Order()];
        double median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        return $"{v[0].ToString(format)} / {median.ToString(format)} / {v[^1].ToString(format)} {unit} (n={v.Length})";
    }
}

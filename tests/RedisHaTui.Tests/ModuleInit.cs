using System.Runtime.CompilerServices;

namespace RedisHaTui.Tests;

internal static class ModuleInit
{
    /// <summary>Headless Terminal.Gui: never touch the real console, even when the tests run inside a terminal.</summary>
    [ModuleInitializer]
    internal static void DisableRealDriverIO() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}

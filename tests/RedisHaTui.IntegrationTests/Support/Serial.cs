// The whole assembly is one serial run: no two real labs (or app processes) at once, whatever their collection.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
// The lab is Linux processes, signals and /proc: the tests run where the app runs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

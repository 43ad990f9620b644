// The lab is Linux processes, signals and /proc: the tests run where the app runs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

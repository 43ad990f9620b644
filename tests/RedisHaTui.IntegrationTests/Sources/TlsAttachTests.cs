using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Sources;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Sources;

/// <summary>
/// A deployment that speaks only TLS (Debian's redis-server is built with it): a master and a sentinel on
/// tls-ports, certificates from a CA made here. Watching it needs --tls and the CA; without them the refusal
/// says TLS may be what is missing.
/// </summary>
public sealed class TlsAttachTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("redis-ha-tui-tls-").FullName;
    private readonly List<Process> _started = [];

    [Fact]
    public async Task A_tls_only_deployment_is_watched_with_tls_and_its_ca_and_refused_without()
    {
        string ca = MakeCertificates();
        int first = FreePorts.Block(2);
        Endpoint master = new("127.0.0.1", first), sentinel = new("127.0.0.1", first + 1);
        RedisBinaries redis = await RedisBinaries.LocateAsync(TestLab());
        string tls = $"port 0\ntls-cert-file {_dir}/server.crt\ntls-key-file {_dir}/server.key\ntls-ca-cert-file {ca}\ntls-auth-clients no\nbind 127.0.0.1\n";
        Start(redis.ServerPath, [], "master.conf", tls + $"tls-port {master.Port}\nsave \"\"\nappendonly no\n", redis);
        Start(redis.SentinelNeedsFlag ? redis.ServerPath : redis.SentinelPath, redis.SentinelNeedsFlag ? ["--sentinel"] : [], "sentinel.conf",
            tls + $"tls-port {sentinel.Port}\ntls-replication yes\nsentinel monitor tlsMaster 127.0.0.1 {master.Port} 1\n", redis);

        var options = new DeploymentOptions([sentinel], "tlsMaster", new ConnectionSecurity(null, Tls: true, TlsCaFile: ca));
        LabSession watcher = await AttachWithin(options, TimeSpan.FromSeconds(20));
        await using (watcher)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            LabSnapshot s = await watcher.Store.WaitForAsync(x => x.Node(master.ToString()) is { Reachable: true, Role: NodeRole.Master }
                && x.Sentinel(sentinel.ToString()) is { Reachable: true, MasterAddress: not null }, wait.Token);
            Assert.Equal(master.ToString(), s.Sentinel(sentinel.ToString())!.MasterAddress);
        }

        string plain = string.Join("\n", (await Assert.ThrowsAsync<LabLoadException>(() =>
            LabSession.AttachToDeploymentAsync(options with { Security = ConnectionSecurity.None }))).Problems);
        Assert.Contains("it may require TLS (--tls", plain);
        string untrusted = string.Join("\n", (await Assert.ThrowsAsync<LabLoadException>(() =>
            LabSession.AttachToDeploymentAsync(options with { Security = new ConnectionSecurity(null, Tls: true) }))).Problems);
        Assert.Contains("TLS handshake failed", untrusted);
    }

    /// <summary>The sentinel needs a moment to read its master; until then it answers with no address.</summary>
    private static async Task<LabSession> AttachWithin(DeploymentOptions options, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try { return await LabSession.AttachToDeploymentAsync(options); }
            catch (LabLoadException) when (clock.Elapsed < limit) { await Task.Delay(200); } // waits for the processes to come up
        }
    }

    private LabDefinition TestLab()
    {
        using TempLab files = TempLab.Create(nodes: 1, sentinels: 1, quorum: 1);
        return files.Load();
    }

    private void Start(string program, string[] extra, string conf, string text, RedisBinaries redis)
    {
        string path = Path.Combine(_dir, conf);
        File.WriteAllText(path, text + $"dir {_dir}\nlogfile {path}.log\n");
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        info.ArgumentList.Add(path);
        foreach (string a in extra) info.ArgumentList.Add(a);
        foreach ((string key, string? value) in redis.Environment) info.Environment[key] = value;
        _started.Add(Process.Start(info)!);
    }

    /// <summary>A CA and a server certificate for 127.0.0.1 it signed, as PEM files; returns the CA's path.</summary>
    private string MakeCertificates()
    {
        using RSA caKey = RSA.Create(2048), serverKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=redis-ha-tui test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using X509Certificate2 caCert = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using X509Certificate2 server = request.Create(caCert, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);

        string ca = Path.Combine(_dir, "ca.crt");
        File.WriteAllText(ca, caCert.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_dir, "server.crt"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_dir, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
        return ca;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>xunit 2 awaits IAsyncLifetime, not IAsyncDisposable: the processes stop here, pass or fail.</summary>
    public async Task DisposeAsync()
    {
        foreach (Process p in _started)
        {
            if (!p.HasExited) p.Kill(); // only the processes this test started, by their own handle
            await p.WaitForExitAsync();
            p.Dispose();
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

namespace RedisHaTui.Core.Lab;

/// <summary>
/// The git-ignored folder where a lab actually runs: one subfolder per process with the working copy of its
/// config, its data (AOF), its log and its pid file, and beside them the record of the app that owns the lab. Processes never run on a file under lab/, because Redis
/// and Sentinel rewrite their config files.
/// </summary>
public sealed class RunDirectory(LabDefinition lab)
{
    public string Root { get; } = lab.RunDirectory;

    public string ProcessFolder(ProcessDefinition p) => Path.Combine(Root, p.Name);
    public string ConfigPath(ProcessDefinition p) => Path.Combine(ProcessFolder(p), p.ConfigFileName);
    public string LogPath(ProcessDefinition p) => Path.Combine(ProcessFolder(p), p.Name + ".log");
    public string PidPath(ProcessDefinition p) => Path.Combine(ProcessFolder(p), p.Name + ".pid");

    /// <summary>Where the generated password is kept (0700 folder, 0600 file) when Lab:Auth is on without a PasswordFile.</summary>
    public string SecretsFolder => Path.Combine(Root, "secrets");
    public string PasswordPath => Path.Combine(SecretsFolder, "password");

    /// <summary>Who owns the lab while it runs (<see cref="LabOwner"/>); absent when nobody does.</summary>
    public string OwnerPath => Path.Combine(Root, "owner.json");

    /// <summary>The owner's control socket (0600) when the lab has partitions on: `partition`, `heal`, `load --client` from other terminals.</summary>
    public string ControlPath => Path.Combine(Root, "owner.sock");

    /// <summary>
    /// Locked only while the owner record is read and replaced, so two starts cannot both take the lab. Never
    /// deleted: a start that deleted it could lock a new file while another still holds the old one.
    /// </summary>
    public string OwnerLockPath => Path.Combine(Root, "owner.lock");

    /// <summary>Creates the folders; a clear message when the place is not writable.</summary>
    public void EnsureWritable()
    {
        try
        {
            Directory.CreateDirectory(Root);
            string probe = Path.Combine(Root, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabLoadException($"run directory {LabLoader.Relative(Root)} is not writable: {e.Message} (set Lab:RunDirectory in {Path.GetFileName(lab.LabFile)})");
        }
    }

    /// <summary>
    /// Writes fresh working configs from the templates under lab/ and lab.json, keeping the data.
    /// Called when the whole lab starts; a single process restart keeps what Redis rewrote.
    /// </summary>
    /// <param name="redis">The version that will run them: some directives exist only in newer ones.</param>
    public void WriteConfigs(Version? redis = null)
    {
        EnsureWritable();
        bool secret = lab.Security.Credentials is not null;
        foreach (ProcessDefinition p in lab.Processes)
        {
            Directory.CreateDirectory(ProcessFolder(p));
            // With a password in the config, the folder keeps it private too: Redis's CONFIG REWRITE replaces the
            // file with one of mode 0644 & ~umask (see FileCreationMask), and a by-hand start may run with umask 022.
            if (secret) LabSecrets.Restrict(ProcessFolder(p), LabSecrets.OwnerOnlyFolder);
            string template = File.ReadAllText(Path.Combine(p.Folder, p.ConfigFileName));
            string text = p switch
            {
                NodeDefinition n => ConfigWriter.Node(template, n, lab, ProcessFolder(p), redis),
                SentinelDefinition s => ConfigWriter.Sentinel(template, s, lab, ProcessFolder(p)),
                _ => throw new InvalidOperationException(p.GetType().Name),
            };
            if (secret) LabSecrets.WriteOwnerOnly(ConfigPath(p), text);
            else File.WriteAllText(ConfigPath(p), text);
        }
    }

    /// <summary>
    /// Deletes each process's folder (data, log, working config), keeping the owner record: a guided walkthrough
    /// starts from an empty lab, or a key written in an earlier run would tick its step. Nothing of the lab may run.
    /// </summary>
    public void DeleteProcessFolders()
    {
        foreach (ProcessDefinition p in lab.Processes)
            if (Directory.Exists(ProcessFolder(p))) Directory.Delete(ProcessFolder(p), recursive: true);
    }

    /// <summary>Deletes everything the lab wrote. The caller makes sure nothing of the lab runs.</summary>
    public void Delete()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Walkthrough;

/// <summary>
/// Reads a walkthrough file: Markdown, one `## Title` heading per step, then `check:`, `command:` and `key:`
/// lines and the explanation as plain lines. Everything is checked against the lab when loaded: an unknown check,
/// a wrong argument, an unknown process or placeholder is refused with the file and the line.
/// </summary>
public static class WalkthroughParser
{
    /// <summary>The checks a step may name, with their arguments, as the refusal lists them.</summary>
    public static readonly IReadOnlyDictionary<string, (CheckKind Kind, string Usage)> Checks = new Dictionary<string, (CheckKind, string)>
    {
        ["runs"] = (CheckKind.Runs, "runs NAME"),
        ["master"] = (CheckKind.Master, "master NODE REPLICAS"),
        ["sentinels-know"] = (CheckKind.SentinelsKnow, "sentinels-know REPLICAS OTHER-SENTINELS"),
        ["key-equals"] = (CheckKind.KeyEquals, "key-equals NODE KEY VALUE"),
        ["readonly-refused"] = (CheckKind.ReadOnlyRefused, "readonly-refused NODE"),
        ["failover-completed"] = (CheckKind.FailoverCompleted, "failover-completed"),
        ["replica-of"] = (CheckKind.ReplicaOf, "replica-of NODE MASTER-NODE"),
        ["load-ran"] = (CheckKind.LoadRan, "load-ran"),
        ["partitioned"] = (CheckKind.Partitioned, "partitioned"),
        ["split-brain"] = (CheckKind.SplitBrain, "split-brain"),
        ["healed"] = (CheckKind.Healed, "healed"),
        ["writes-lost"] = (CheckKind.WritesLost, "writes-lost CLIENT"),
        ["lesson"] = (CheckKind.Lesson, "lesson NAME"),
        ["manual"] = (CheckKind.Manual, "manual"),
    };

    /// <summary>Reads and checks a file; throws <see cref="LabLoadException"/> listing every problem as FILE:LINE: what.</summary>
    /// <param name="forms">How this machine types the app and redis-cli; <see cref="ShellForms.ThisMachine"/> when null.</param>
    public static Walkthrough Load(string path, LabDefinition lab, ShellForms? forms = null)
    {
        string shown = LabLoader.Relative(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabLoadException($"walkthrough {shown}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
        }
        return Parse(shown, text, lab, forms);
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> is only the name messages use.</summary>
    public static Walkthrough Parse(string file, string text, LabDefinition lab, ShellForms? forms = null)
    {
        var problems = new List<string>();
        var steps = new List<WalkthroughStep>();
        string title = "Walkthrough";
        Draft? draft = null;
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string line = Placeholders.Expand(lines[i].TrimEnd(), lab, out string? placeholder, forms);
            void Problem(string what) => problems.Add($"{file}:{number}: {what}");
            if (placeholder is not null) Problem(placeholder);
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Finish(draft, steps, file, problems);
                draft = new Draft(number, line[3..].Trim());
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal) && draft is null)
            {
                title = line[2..].Trim();
                continue;
            }
            if (Field(line, "check") is { } check)
            {
                if (draft is null) { Problem("check: before the first `## Step title` heading"); continue; }
                if (draft.Check is not null) { Problem($"a second check: in step \"{draft.Title}\" (one per step)"); continue; }
                draft.Check = ParseCheck(check, lab, out string? why);
                draft.CheckLine = number;
                if (why is not null) Problem(why);
                continue;
            }
            if (Field(line, "command") is { } command)
            {
                if (draft is null) Problem("command: before the first `## Step title` heading");
                else if (command.Length == 0) Problem("command: is empty");
                else draft.Commands.Add(command);
                continue;
            }
            if (Field(line, "key") is { } key)
            {
                if (draft is null) Problem("key: before the first `## Step title` heading");
                else draft.Key = key;
                continue;
            }
            if (draft is not null && line.Trim().Length > 0 && !line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
                draft.Explanation.Add(line.Trim());
        }
        Finish(draft, steps, file, problems);
        if (steps.Count == 0 && problems.Count == 0) problems.Add($"{file}: no steps (each step starts with a `## Step title` heading)");
        if (problems.Count > 0) throw new LabLoadException(problems);
        return new Walkthrough(file, title, [.. steps]) { TypeFrom = lab.LabDirectory };
    }

    private sealed class Draft(int line, string title)
    {
        public int Line { get; } = line;
        public string Title { get; } = title;
        public StepCheck? Check { get; set; }
        public int CheckLine { get; set; }
        public List<string> Commands { get; } = [];
        public string Key { get; set; } = "";
        public List<string> Explanation { get; } = [];
    }

    private static void Finish(Draft? draft, List<WalkthroughStep> steps, string file, List<string> problems)
    {
        if (draft is null) return;
        if (draft.Title.Length == 0) problems.Add($"{file}:{draft.Line}: a step heading without a title");
        if (draft.Check is null)
        {
            if (draft.CheckLine == 0) problems.Add($"{file}:{draft.Line}: step \"{draft.Title}\" has no check: line (use `check: manual` for a step to move on from with ])");
            return;
        }
        steps.Add(new WalkthroughStep(draft.Line, draft.Title, draft.Check, [.. draft.Commands], draft.Key, [.. draft.Explanation]));
    }

    /// <summary>The value of a `name: value` line, or null when the line is not that field.</summary>
    private static string? Field(string line, string name) =>
        line.StartsWith(name + ":", StringComparison.Ordinal) ? line[(name.Length + 1)..].Trim() : null;

    /// <summary>A check with its arguments, or null and why not.</summary>
    public static StepCheck? ParseCheck(string text, LabDefinition lab, out string? problem)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        problem = null;
        if (words.Length == 0 || !Checks.TryGetValue(words[0], out var known))
        {
            problem = $"unknown check '{(words.Length == 0 ? "" : words[0])}' (known: {string.Join(", ", Checks.Keys)})";
            return null;
        }
        string? why = null;
        string[] args = words[1..];
        int wanted = known.Usage.Split(' ').Length - 1;
        bool valueMayHaveSpaces = known.Kind == CheckKind.KeyEquals;
        if (args.Length < wanted || (args.Length > wanted && !valueMayHaveSpaces))
        {
            problem = $"{words[0]} takes {wanted} argument{(wanted == 1 ? "" : "s")}, got {args.Length}: check: {known.Usage}";
            return null;
        }
        string? Process(string name, bool nodeOnly)
        {
            ProcessDefinition? p = lab.Find(name);
            if (p is not null && (!nodeOnly || p.Kind == ProcessKind.Node)) return p.Name;
            IEnumerable<ProcessDefinition> allowed = nodeOnly ? lab.Nodes : lab.Processes;
            why ??= $"{words[0]}: '{name}' is not a {(nodeOnly ? "data node" : "process")} of this lab (it has {string.Join(", ", allowed.Select(x => x.Name))})";
            return null;
        }
        string? Client(string name)
        {
            if (lab.Network.Member(name) is { IsClient: true } c) return c.Name;
            why ??= lab.Network.Partitions
                ? $"{words[0]}: '{name}' is not a client of this lab (it has {string.Join(", ", lab.Network.Clients.Select(x => x.Name))})"
                : $"{words[0]}: clients with their own address need partitions: run with --Lab:Network:Partitions true";
            return null;
        }
        string? LessonName(string name)
        {
            if (Faults.FaultMenu.LessonNamed(name) is not null) return name;
            why ??= $"{words[0]}: no lesson named '{name}' (known: {string.Join(", ", Faults.FaultMenu.Lessons.Select(l => l.Name))})";
            return null;
        }
        int? Count(string value, string what)
        {
            if (int.TryParse(value, out int n) && n >= 0) return n;
            why ??= $"{words[0]}: {what} must be a whole number ≥ 0, got '{value}'";
            return null;
        }
        StepCheck? check = known.Kind switch
        {
            CheckKind.Runs => new StepCheck(CheckKind.Runs, Node: Process(args[0], nodeOnly: false)),
            CheckKind.Master => new StepCheck(CheckKind.Master, Node: Process(args[0], true), Count: Count(args[1], "REPLICAS") ?? 0),
            CheckKind.SentinelsKnow => new StepCheck(CheckKind.SentinelsKnow, Count: Count(args[0], "REPLICAS") ?? 0, Count2: Count(args[1], "OTHER-SENTINELS") ?? 0),
            CheckKind.KeyEquals => new StepCheck(CheckKind.KeyEquals, Node: Process(args[0], true), Key: args[1], Value: string.Join(' ', args[2..])),
            CheckKind.ReadOnlyRefused => new StepCheck(CheckKind.ReadOnlyRefused, Node: Process(args[0], true)),
            CheckKind.ReplicaOf => new StepCheck(CheckKind.ReplicaOf, Node: Process(args[0], true), Other: Process(args[1], true)),
            CheckKind.WritesLost => new StepCheck(CheckKind.WritesLost, Node: Client(args[0])),
            CheckKind.Lesson => new StepCheck(CheckKind.Lesson, Key: LessonName(args[0])),
            _ => new StepCheck(known.Kind),
        };
        if (check is { Kind: CheckKind.ReplicaOf } r && why is null && r.Node == r.Other) why = $"replica-of: a node cannot replicate itself ({r.Node})";
        problem = why;
        return why is null ? check : null;
    }
}

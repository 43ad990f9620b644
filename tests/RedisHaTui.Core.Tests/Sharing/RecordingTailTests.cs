using System.Text;
using RedisHaTui.Core.Sharing;

namespace RedisHaTui.Core.Tests.Sharing;

public sealed class RecordingTailTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tail-").FullName;

    private string File(string name = "session.rec.ndjson") => Path.Combine(_dir, name);

    private static void Append(string path, string text) => System.IO.File.AppendAllText(path, text, new UTF8Encoding(false));

    [Fact]
    public void A_file_not_there_yet_is_waited_for()
    {
        using var tail = new RecordingTail(File());

        Assert.Empty(tail.ReadNew().Lines);
        Append(File(), "{\"a\":1}\n");
        Assert.Equal(["{\"a\":1}"], tail.ReadNew().Lines.Select(l => l.Text));
    }

    [Fact]
    public void Only_complete_lines_are_read_and_a_half_written_one_waits_for_its_newline()
    {
        Append(File(), "{\"n\":1}\n{\"n\":");
        using var tail = new RecordingTail(File());

        TailRead first = tail.ReadNew();
        Append(File(), "2,\"é\":\"ü\"}\r\n{\"n\":3}\n");
        TailRead second = tail.ReadNew();

        Assert.Equal(["{\"n\":1}"], first.Lines.Select(l => l.Text));
        Assert.Equal(["{\"n\":2,\"é\":\"ü\"}", "{\"n\":3}"], second.Lines.Select(l => l.Text));
        Assert.Equal(new TailLine("{\"n\":1}", 0, 8), first.Lines[0]);
        Assert.Equal(8, second.Lines[0].Start);
        Assert.Equal(new FileInfo(File()).Length, tail.Position);
        Assert.Empty(tail.ReadNew().Lines);
    }

    [Fact]
    public void Reading_from_an_offset_up_to_another_gives_exactly_the_lines_between()
    {
        Append(File(), "a\nbb\nccc\ndddd\n");

        using var tail = new RecordingTail(File(), startAt: 2);

        Assert.Equal(["bb", "ccc"], tail.ReadNew(upTo: 9).Lines.Select(l => l.Text));
    }

    [Fact]
    public void A_file_cut_shorter_is_read_again_from_its_start_and_the_read_says_so()
    {
        Append(File(), "one\ntwo\n");
        using var tail = new RecordingTail(File());
        tail.ReadNew();

        System.IO.File.WriteAllText(File(), "new\n");
        TailRead read = tail.ReadNew();

        Assert.True(read.StartedOver);
        Assert.Equal(["new"], read.Lines.Select(l => l.Text));
    }

    [Fact]
    public void A_file_renamed_over_the_old_one_is_noticed_and_read_from_its_start()
    {
        Append(File(), "one\n");
        using var tail = new RecordingTail(File());
        tail.ReadNew();

        // As the recorder rotates: FILE moved aside to FILE.1 (its last line written first), a new FILE begun.
        Append(File(), "last of the old file\n");
        System.IO.File.Move(File(), File() + ".1");
        Append(File(), "first of the new file\nsecond\n");
        TailRead once = tail.ReadNew(checkReplaced: true);
        TailRead twice = tail.ReadNew(checkReplaced: true);

        Assert.False(once.StartedOver); // one look could be a write landing between the two stats
        Assert.Equal(["last of the old file"], once.Lines.Select(l => l.Text));
        Assert.Equal(0, twice.NewFileAt);
        Assert.Equal(["first of the new file", "second"], twice.Lines.Select(l => l.Text));
        Assert.Equal(0, twice.Lines[0].Start);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

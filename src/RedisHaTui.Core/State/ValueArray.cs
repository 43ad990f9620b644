using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace RedisHaTui.Core.State;

/// <summary>
/// An immutable list that compares by content. Records holding it get value equality for free, so "did
/// anything change" is plain <c>==</c> on a snapshot instead of a hand-written comparer per field.
/// </summary>
[CollectionBuilder(typeof(ValueArray), nameof(ValueArray.Create))]
public readonly struct ValueArray<T> : IReadOnlyList<T>, IEquatable<ValueArray<T>>
{
    private readonly ImmutableArray<T> _items;

    public ValueArray(ImmutableArray<T> items) => _items = items;

    public static ValueArray<T> Empty => default;

    /// <summary>The content; never default, so callers need no IsDefault checks.</summary>
    public ImmutableArray<T> Items => _items.IsDefault ? [] : _items;

    public int Length => Items.Length;
    public int Count => Items.Length;
    public bool IsEmpty => Items.IsEmpty;
    public T this[int index] => Items[index];

    public ValueArray<T> Add(T item) => new(Items.Add(item));
    public ValueArray<T> SetItem(int index, T item) => new(Items.SetItem(index, item));
    public ValueArray<T> Remove(T item) => new(Items.Remove(item));
    public ValueArray<T> RemoveRange(int index, int count) => new(Items.RemoveRange(index, count));
    public int IndexOf(T item) => Items.IndexOf(item);

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(ValueArray<T> other) =>
        Items == other.Items || Items.AsSpan().SequenceEqual(other.Items.AsSpan(), EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Length);
        // The ends are where lists in a snapshot change (a new timeline entry, a new phase).
        if (Length > 0) { hash.Add(Items[0]); hash.Add(Items[^1]); }
        return hash.ToHashCode();
    }

    public static bool operator ==(ValueArray<T> left, ValueArray<T> right) => left.Equals(right);
    public static bool operator !=(ValueArray<T> left, ValueArray<T> right) => !left.Equals(right);

    public static implicit operator ValueArray<T>(ImmutableArray<T> items) => new(items);

    public override string ToString() => $"[{string.Join(", ", Items)}]";
}

/// <summary>Builds <see cref="ValueArray{T}"/> from collection expressions (<c>[a, b]</c>, <c>[.. items]</c>).</summary>
public static class ValueArray
{
    public static ValueArray<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);
}

using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace RedisHaTui.Tui.Idle;

/// <summary>
/// The one private member of Terminal.Gui 2.5.0 the sleeping screen needs: the component factory an
/// ApplicationImpl uses when Init creates the driver (ApplicationImpl.Driver.cs, CreateDriver). Its constructor
/// that takes a factory is internal and nothing public sets it. The accessor is bound at compile time (no
/// reflection, no trimming or AOT warning); if an upgrade renames the field, the call throws
/// MissingFieldException and the screen polls as before (IdleTests make that loud in CI).
/// </summary>
internal static class TerminalGuiInternals
{
    private const string ApplicationImpl = "Terminal.Gui.App.ApplicationImpl";

    /// <summary>Makes <paramref name="app"/> build its driver from <paramref name="factory"/>; call between Create() and Init().</summary>
    /// <exception cref="MissingFieldException">This Terminal.Gui has no such field (the accessor did not bind).</exception>
    /// <exception cref="NotSupportedException">The application is not Terminal.Gui's own implementation.</exception>
    public static void UseComponentFactory(IApplication app, IComponentFactory factory)
    {
        // The accessor trusts its argument's type: check it, or a stranger's object would be written at that offset.
        if (app.GetType().FullName != ApplicationImpl) throw new NotSupportedException($"{app.GetType().FullName} is not {ApplicationImpl}");
        ComponentFactory(app) = factory;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactory([UnsafeAccessorType(ApplicationImpl + ", Terminal.Gui")] object app);
}

using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DisclosureCases.Data;

/// <summary>
/// Data Protection's key ring in the application's database (<see cref="DataProtectionKey"/>), in place of a folder on
/// each machine: a cookie or anti-forgery token issued by one node validates on every other, and survives a restart or
/// a redeployment. The keys are as sensitive as the database itself, which already holds everything they protect.
/// </summary>
public sealed class DatabaseXmlRepository(Database any) : IXmlRepository
{
    // The repository's interface is synchronous.
    readonly Database database = any.ForSynchronousUse();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = database.CreateContext(AgencyScope.Nothing);
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = database.CreateContext(AgencyScope.Nothing);
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

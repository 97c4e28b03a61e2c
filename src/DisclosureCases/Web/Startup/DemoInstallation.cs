using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Web.Startup;

/// <summary>
/// The demo installation a newcomer sees on first start: two agencies (so that agency isolation can be tried), one user
/// per role in the first, a clerk in the second, and realistic cases spread over every state.
/// </summary>
public sealed class DemoInstallation(Database database, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IServiceProvider services)
{
    public const string Password = "Demo@2026";
    public const string PrimaryAgencyCode = "JAGHZY";
    public const string SecondAgencyCode = "JAFG";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string AgencyCode)> Logins =
    [
        ("clerk", "王晓梅", Roles.Clerk, PrimaryAgencyCode),
        ("reviewer", "陈立新", Roles.LegalReviewer, PrimaryAgencyCode),
        ("manager", "张建国", Roles.Manager, PrimaryAgencyCode),
        ("admin", "李文静", Roles.Admin, PrimaryAgencyCode),
        ("clerk2", "赵敏", Roles.Clerk, SecondAgencyCode),
    ];

    public static void PrintLogins(TextWriter output)
    {
        output.WriteLine("演示账号（密码均为 {0}）：", Password);
        foreach (var l in Logins)
            output.WriteLine("  {0,-10} {1}（{2}，{3}）", l.UserName, l.DisplayName, Roles.Title(l.Role), l.AgencyCode == PrimaryAgencyCode ? "静安区规划和自然资源局" : "静安区房屋管理局");
    }

    /// <summary>Creates the demo installation when the database has no agency yet. Returns whether it did.</summary>
    public async Task<bool> EnsureAsync(int caseCount, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        if (await db.Agencies.AnyAsync(ct))
            return false;

        var primary = new Agency
        {
            Code = PrimaryAgencyCode,
            Name = "上海市静安区规划和自然资源局",
            CaseNumberFormat = "静规资信〔{year}〕第{seq:0000}号",
            ReviewBody = "上海市静安区人民政府",
            Court = "上海市静安区人民法院",
            Address = "上海市静安区大统路480号",
            Phone = "021-33372000",
            SealText = "上海市静安区规划和自然资源局",
        };
        var second = new Agency
        {
            Code = SecondAgencyCode,
            Name = "上海市静安区住房保障和房屋管理局",
            CaseNumberFormat = "静房信〔{year}〕{seq:000}号",
            ReviewBody = "上海市静安区人民政府",
            Court = "上海市静安区人民法院",
            Address = "上海市静安区昌平路990号",
            Phone = "021-33377000",
            SealText = "上海市静安区住房保障和房屋管理局",
        };
        db.Agencies.AddRange(primary, second);
        await db.SaveChangesAsync(ct);
        db.Departments.AddRange(
            new Department { AgencyId = primary.Id, Name = "办公室（政务公开）" },
            new Department { AgencyId = primary.Id, Name = "详细规划科" },
            new Department { AgencyId = primary.Id, Name = "土地利用管理科" },
            new Department { AgencyId = primary.Id, Name = "建筑管理科" },
            new Department { AgencyId = second.Id, Name = "办公室" });
        await db.SaveChangesAsync(ct);

        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                (await roles.CreateAsync(new IdentityRole(role))).ThrowIfFailed();
        foreach (var login in Logins)
        {
            var user = new AppUser
            {
                UserName = login.UserName,
                DisplayName = login.DisplayName,
                AgencyId = login.AgencyCode == PrimaryAgencyCode ? primary.Id : second.Id,
            };
            (await users.CreateAsync(user, Password)).ThrowIfFailed();
            (await users.AddToRoleAsync(user, login.Role)).ThrowIfFailed();
        }

        if (caseCount > 0)
        {
            await ActivatorUtilities.CreateInstance<DemoCases>(services).CreateAsync(primary.Id, caseCount, ct);
            await ActivatorUtilities.CreateInstance<DemoReviews>(services).CreateAsync(primary.Id, ct);
        }
        return true;
    }
}

static class IdentityResultExtensions
{
    public static void ThrowIfFailed(this IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

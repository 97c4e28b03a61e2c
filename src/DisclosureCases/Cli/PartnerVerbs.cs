using System.CommandLine;
using System.Globalization;
using DisclosureCases.Api;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure partners add --name NAME [--agency CODE]</c> (prints the key, once), <c>partners list [--agency CODE]</c>
/// and <c>partners revoke ID</c>: the partner systems allowed to call the JSON API (<see cref="ApiPartners"/>), as on
/// the admin page. Exit codes: 0 done; 2 wrong input (bad name, unknown agency or partner).
/// </summary>
public static class PartnerVerbs
{
    public const int Done = 0;
    public const int WrongInput = 2;

    public static Command Build(CliConsole console, CliHost host)
    {
        var agency = new Option<string?>("--agency") { Description = "机关代码（默认为第一个机关）", HelpName = "CODE" };
        var name = new Option<string>("--name") { Description = "合作系统名称，如 静安区人民政府行政复议办公室", Required = true, HelpName = "NAME" };
        var add = new Command("add", "新增合作系统并发放 API 密钥（密钥只显示这一次）") { name, agency };
        add.SetAction(async (parse, ct) =>
        {
            if (ApiPartners.NameProblem(parse.GetValue(name)) is { } problem)
            {
                await console.Error.WriteLineAsync($"--name {problem}");
                return WrongInput;
            }
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            if (await AgencyChoice.FindAsync(database, parse.GetValue(agency), console, ct) is not { } found) return WrongInput;
            await using var db = database.CreateContext(AgencyScope.All);
            var created = await new ApiPartners(db, services.GetRequiredService<TimeProvider>())
                .CreateAsync(parse.GetValue(name)!, found.Id, $"系统（命令行，{Environment.UserName}）", ct);
            await console.Out.WriteLineAsync($"已为{found.Name}新增合作系统“{created.Partner.Name}”（编号 {created.Partner.Id}）。");
            await console.Out.WriteLineAsync("API 密钥（只显示这一次，请安全地交给对方；请求头 X-Api-Key）：");
            await console.Out.WriteLineAsync(created.Key);
            return Done;
        });

        var listAgency = new Option<string?>("--agency") { Description = "只列出该机关的合作系统", HelpName = "CODE" };
        var list = new Command("list", "列出合作系统：编号、机关、名称、密钥前缀、发放和吊销情况") { listAgency };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            await using var db = database.CreateContext(AgencyScope.All);
            var query = db.ApiPartners.AsNoTracking();
            if (parse.GetValue(listAgency) is { } code)
            {
                if (await AgencyChoice.FindAsync(database, code, console, ct) is not { } found) return WrongInput;
                query = query.Where(p => p.AgencyId == found.Id);
            }
            var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
            var partners = await query.OrderBy(p => p.Id).ToListAsync(ct);
            if (partners.Count == 0) await console.Out.WriteLineAsync("还没有合作系统。");
            foreach (var p in partners)
                await console.Out.WriteLineAsync(string.Join('\t',
                    p.Id.ToString(CultureInfo.InvariantCulture), agencies[p.AgencyId], p.Name, p.KeyPrefix + "…",
                    $"发放于 {ShanghaiTime.Local(p.CreatedAt):yyyy-MM-dd HH:mm}（{p.CreatedBy}）",
                    p.RevokedAt is { } at ? $"已吊销于 {ShanghaiTime.Local(at):yyyy-MM-dd HH:mm}（{p.RevokedBy}）" : "有效"));
            return Done;
        });

        var id = new Argument<int>("ID") { Description = "合作系统编号（见 partners list）" };
        var revoke = new Command("revoke", "吊销合作系统的 API 密钥，立即生效") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            await using var db = services.GetRequiredService<Database>().CreateContext(AgencyScope.All);
            if (!await new ApiPartners(db, services.GetRequiredService<TimeProvider>()).RevokeAsync(parse.GetValue(id), $"系统（命令行，{Environment.UserName}）", ct))
            {
                await console.Error.WriteLineAsync($"没有编号为 {parse.GetValue(id)} 的合作系统：请用 partners list 查看");
                return WrongInput;
            }
            await console.Out.WriteLineAsync($"已吊销合作系统 {parse.GetValue(id)} 的 API 密钥。");
            return Done;
        });

        var partnersCommand = new Command("partners", "调用数据交换接口的合作系统（行政复议机关）及其 API 密钥");
        partnersCommand.Subcommands.Add(add);
        partnersCommand.Subcommands.Add(list);
        partnersCommand.Subcommands.Add(revoke);
        return partnersCommand;
    }
}

using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Data;

/// <summary>The bulk writer takes its columns from the EF model, owned applicant included.</summary>
public class BulkInsertTests(BulkInsertTests.Factory factory) : IClassFixture<BulkInsertTests.Factory>
{
    public sealed class Factory : AppFactory;

    async Task<List<string>> TableColumnsAsync(string table)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.Database.IsSqlite()
            ? $"SELECT name FROM pragma_table_info('{table}')"
            // Generated columns (the similarity index's stored trigrams) are written by the database, never by a writer.
            : $"SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' AND is_generated = 'NEVER'";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    [Fact]
    public async Task A_case_is_written_to_every_column_of_its_table_including_the_applicant()
    {
        _ = factory.Services;
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        new BulkInsert<Case>(db, withKey: true).ColumnNames.Order().ShouldBe((await TableColumnsAsync("Cases")).Order());
    }

    [Fact]
    public async Task Generated_keys_are_left_to_the_database_when_asked()
    {
        _ = factory.Services;
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var columns = new BulkInsert<CaseEvent>(db, withKey: false).ColumnNames;
        columns.ShouldNotContain("Id");
        columns.Order().ShouldBe((await TableColumnsAsync("CaseEvents")).Where(c => c != "Id").Order());
    }
}

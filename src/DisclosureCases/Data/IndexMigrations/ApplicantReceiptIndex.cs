using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosureCases.Data.IndexMigrations;

/// <summary>
/// One applicant's applications to one agency by date of receipt, from the index alone: the case page's 申请人申请情况
/// counts the applicant's last 30/90/365 days and calendar month, the fee line lists this month's, the similar-case
/// lookup adds the applicant's newest. An applicant with thousands of applications (the very one 条例第35条 is about)
/// made each of these read thousands of rows (docs/benchmarks.md, load run). The agency is the owner's column and the
/// document number the owned applicant's, which the EF model cannot put in one index: a hand-written migration outside
/// <c>Data/Migrations</c>, with an id that sorts after the generated ones, for both databases.
/// </summary>
public static class ApplicantReceiptIndex
{
    public const string MigrationId = "20991231000002_AddApplicantReceiptIndex";
    public const string Name = "IX_Cases_Applicant_Receipt";

    internal static void Up(MigrationBuilder b) =>
        b.Sql($"""CREATE INDEX IF NOT EXISTS "{Name}" ON "Cases" ("ApplicantIdNumber", "AgencyId", "ReceivedOn")""");

    internal static void Down(MigrationBuilder b) => b.Sql($"""DROP INDEX IF EXISTS "{Name}" """);
}

[DbContext(typeof(SqliteDisclosureDbContext))]
[Migration(ApplicantReceiptIndex.MigrationId)]
public sealed class SqliteApplicantReceiptIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ApplicantReceiptIndex.Up(migrationBuilder);
    protected override void Down(MigrationBuilder migrationBuilder) => ApplicantReceiptIndex.Down(migrationBuilder);
}

[DbContext(typeof(PostgresDisclosureDbContext))]
[Migration(ApplicantReceiptIndex.MigrationId)]
public sealed class PostgresApplicantReceiptIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ApplicantReceiptIndex.Up(migrationBuilder);
    protected override void Down(MigrationBuilder migrationBuilder) => ApplicantReceiptIndex.Down(migrationBuilder);
}

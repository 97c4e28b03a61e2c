using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosureCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorklistReceivedNextDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Worklist_Received",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Worklist_Received",
                table: "Cases",
                columns: new[] { "AgencyId", "ReceivedOn", "Id", "Archived", "HandlerId", "State", "NextDue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Worklist_Received",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Worklist_Received",
                table: "Cases",
                columns: new[] { "AgencyId", "ReceivedOn", "Id", "Archived", "HandlerId", "State" });
        }
    }
}

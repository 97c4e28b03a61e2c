using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosureCases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorklistIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_ReceivedOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Worklist_Due",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Worklist_Due",
                table: "Cases",
                columns: new[] { "AgencyId", "NextDue", "Id", "Archived", "HandlerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Worklist_Received",
                table: "Cases",
                columns: new[] { "AgencyId", "ReceivedOn", "Id", "Archived", "HandlerId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Worklist_Due",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Worklist_Received",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_ReceivedOn",
                table: "Cases",
                columns: new[] { "AgencyId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Worklist_Due",
                table: "Cases",
                columns: new[] { "AgencyId", "NextDue", "Id" });
        }
    }
}

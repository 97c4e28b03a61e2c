using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosureCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnassignedNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_HandlerId_Archived_State",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id",
                table: "Cases",
                columns: new[] { "AgencyId", "HandlerId", "Archived", "State", "ReceivedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_HandlerId_Archived_State",
                table: "Cases",
                columns: new[] { "AgencyId", "HandlerId", "Archived", "State" });
        }
    }
}

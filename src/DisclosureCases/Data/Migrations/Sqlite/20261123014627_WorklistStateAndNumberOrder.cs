using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosureCases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorklistStateAndNumberOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_State_NextDue",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_State_NextDue_Id",
                table: "Cases",
                columns: new[] { "AgencyId", "State", "NextDue", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_State_NextDue_Id",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_State_NextDue",
                table: "Cases",
                columns: new[] { "AgencyId", "State", "NextDue" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosureCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorklistStateNumberOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_State_CaseNumber_Id",
                table: "Cases",
                columns: new[] { "AgencyId", "State", "CaseNumber", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_State_CaseNumber_Id",
                table: "Cases");
        }
    }
}

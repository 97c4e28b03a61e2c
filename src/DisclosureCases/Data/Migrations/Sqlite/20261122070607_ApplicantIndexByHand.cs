using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosureCases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicantIndexByHand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ApplicantIdNumber",
                table: "Cases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_ApplicantIdNumber",
                table: "Cases",
                column: "ApplicantIdNumber");
        }
    }
}

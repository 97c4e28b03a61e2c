using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosureCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeptSimilarCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SimilarCandidates",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    TextHash = table.Column<long>(type: "bigint", nullable: false),
                    UpToCaseId = table.Column<int>(type: "integer", nullable: false),
                    CandidateIds = table.Column<byte[]>(type: "bytea", maxLength: 120, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimilarCandidates", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_SimilarCandidates_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SimilarCandidates");
        }
    }
}

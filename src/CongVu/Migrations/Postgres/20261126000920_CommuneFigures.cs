using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CongVu.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommuneFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommuneYearFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FiguresJson = table.Column<string>(type: "text", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Stale = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommuneYearFigures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommuneYearFigures_CommuneId_Year",
                table: "CommuneYearFigures",
                columns: new[] { "CommuneId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommuneYearFigures_Year_Stale",
                table: "CommuneYearFigures",
                columns: new[] { "Year", "Stale" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommuneYearFigures");
        }
    }
}

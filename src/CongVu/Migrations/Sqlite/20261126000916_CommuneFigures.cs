using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CongVu.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stale = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CongVu.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossierDueReset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApologyNumber",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DelayReason",
                table: "Dossiers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueResetAt",
                table: "Dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDueOn",
                table: "Dossiers",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApologyNumber",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "DelayReason",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "DueResetAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "OriginalDueOn",
                table: "Dossiers");
        }
    }
}

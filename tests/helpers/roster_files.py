"""Roster workbooks for tests: a good one, and one whose compressed sheet data is damaged."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def damaged_xlsx(path: Path, member: str = "xl/worksheets/sheet1.xml") -> Path:
    """A real workbook whose compressed sheet data is garbled (zlib.error when read)."""
    header = ["工号", "姓名", "性别", "部门", "岗位"]
    rows = [[str(1000 + n), "张伟" * 4, "男", "工程部", "工程维修员"] for n in range(60)]
    write_xlsx(path, [header, *rows])
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(member)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x55
    path.write_bytes(bytes(data))
    return path

"""The declarative base and the column types every model shares."""

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Date
from sqlalchemy.orm import DeclarativeBase

from store.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        date: Date,
        dict[str, Any]: JSON,
        list[str]: JSON,
    }

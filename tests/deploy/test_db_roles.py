"""The app's database role may only read and add: UPDATE/DELETE/TRUNCATE and dropping the
append-only triggers are refused by PostgreSQL itself; the schema belongs to another role."""

import pytest
import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry.api import Registry
from workbench.registry.pgroles import APPEND_ONLY, app_role_statements, grant_app_role

pytestmark = pytest.mark.postgres


def test_app_role_randomizes_but_cannot_change_or_delete(owner_and_app, tmp_path):
    owner_url, app_url, app = owner_and_app
    grant_app_role(owner_url, app)
    key = bytes(range(32))
    with Registry(app_url, path=tmp_path / "projekt", key=key) as reg:
        trial = reg.create_trial("roller", seed=3, owner="agare")
        reg.set_role("agare", "owner", by="agare")
        reg.set_role("personal1", "staff", by="agare")
        assert trial.randomize("P1", by="personal1").arm in trial.arms
        trial.close(by="agare", reason="klar")  # the one UPDATE the app holds: wb_trials.status
        assert reg.verify().ok
        engine = reg._db.engine
        for table in APPEND_ONLY + ("wb_trials",):
            for statement in (f"DELETE FROM {table}", f"TRUNCATE {table}",
                              f'UPDATE {table} SET "by" = \'x\'' if table not in ("wb_sequence", "wb_trials")
                              else f"UPDATE {table} SET {'arm' if table == 'wb_sequence' else 'name'} = 'x'"):
                with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                    with engine.begin() as conn:
                        conn.exec_driver_sql(statement)
        with pytest.raises(sa.exc.ProgrammingError, match="must be owner"):
            with engine.begin() as conn:
                conn.exec_driver_sql("DROP TRIGGER wb_events_no_delete ON wb_events")
        with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
            with engine.begin() as conn:
                conn.exec_driver_sql("UPDATE wb_meta SET value = '1'")
        with engine.connect() as conn:
            owners = set(conn.execute(sa.text("SELECT DISTINCT tableowner FROM pg_tables "
                                              "WHERE tablename LIKE 'wb_%'")).scalars())
        assert owners == {sa.engine.make_url(owner_url).username}
        assert reg.verify().ok


def test_statements_name_every_table_and_refuse_bad_role_names():
    sql = app_role_statements("wb_app")
    assert "GRANT UPDATE (status) ON wb_trials TO wb_app" in sql
    for table in APPEND_ONLY:
        assert f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM wb_app" in sql
        assert f"GRANT INSERT ON {table} TO wb_app" in sql
    assert not any("UPDATE ON" in s and "GRANT" in s for s in sql)
    with pytest.raises(RegistryError, match="giltigt namn"):
        app_role_statements("wb_app; DROP TABLE wb_events")

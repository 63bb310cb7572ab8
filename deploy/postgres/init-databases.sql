-- Run once by the official postgres image when its data directory is empty (docker-entrypoint-initdb.d).
-- One database per service, owned by the service's own user and reachable by that user alone: PostgreSQL lets every
-- role (PUBLIC) connect to a new database, so that right is revoked (the owner keeps its own); CREATE USER makes no
-- superuser and no creator of roles or databases; from PostgreSQL 15 on the schema public of a new database belongs
-- to its owner and no one else may create in it. The local stack does the same (embedded-infrastructure's
-- PostgresServer.ensureDatabase). Passwords here are name = user = password, for the compose demo only (development);
-- Kubernetes takes them from Secrets (k8s/README.md).

CREATE USER order_service WITH PASSWORD 'order_service';
CREATE DATABASE order_service OWNER order_service;
REVOKE ALL ON DATABASE order_service FROM PUBLIC;

CREATE USER payment_service WITH PASSWORD 'payment_service';
CREATE DATABASE payment_service OWNER payment_service;
REVOKE ALL ON DATABASE payment_service FROM PUBLIC;

CREATE USER inventory_service WITH PASSWORD 'inventory_service';
CREATE DATABASE inventory_service OWNER inventory_service;
REVOKE ALL ON DATABASE inventory_service FROM PUBLIC;

CREATE USER shipping_service WITH PASSWORD 'shipping_service';
CREATE DATABASE shipping_service OWNER shipping_service;
REVOKE ALL ON DATABASE shipping_service FROM PUBLIC;

CREATE USER saga_orchestrator WITH PASSWORD 'saga_orchestrator';
CREATE DATABASE saga_orchestrator OWNER saga_orchestrator;
REVOKE ALL ON DATABASE saga_orchestrator FROM PUBLIC;

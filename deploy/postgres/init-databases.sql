-- Run once by the official postgres image when its data directory is empty (docker-entrypoint-initdb.d).
-- One database and one owner per service, as the local stack creates them: name = user = password
-- (development only; Kubernetes takes the passwords from Secrets).
CREATE USER order_service WITH PASSWORD 'order_service';
CREATE DATABASE order_service OWNER order_service;

CREATE USER payment_service WITH PASSWORD 'payment_service';
CREATE DATABASE payment_service OWNER payment_service;

CREATE USER inventory_service WITH PASSWORD 'inventory_service';
CREATE DATABASE inventory_service OWNER inventory_service;

CREATE USER shipping_service WITH PASSWORD 'shipping_service';
CREATE DATABASE shipping_service OWNER shipping_service;

CREATE USER saga_orchestrator WITH PASSWORD 'saga_orchestrator';
CREATE DATABASE saga_orchestrator OWNER saga_orchestrator;

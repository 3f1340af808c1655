from urllib.parse import unquote

import pytest
from rdflib import URIRef

from kg.rdf import node_iri


@pytest.mark.parametrize("name", ["a b", 'quo"te', "hash#tag", "sl/ash", "λ-ECLIPSE", "<x>"])
def test_node_iris_are_safe_and_reversible(name):
    iri = node_iri(f"method:{name}", base="http://example.org/kg/")
    assert isinstance(iri, URIRef)
    local = str(iri).removeprefix("http://example.org/kg/method/")
    assert not set(local) & set(' "#/<>')
    assert unquote(local) == name
